import { describe, expect, it } from 'vitest';
import { Tray } from 'electron';
import { createTrayController } from '../../../electron/tray/tray-controller.ts';

type FakeTray = { image: string; tooltip: string; menus: { template: { label?: string }[] }[]; destroyed: boolean; emit(e: string): boolean };
const instances = () => (Tray as unknown as { instances: FakeTray[] }).instances;

describe('tray controller', () => {
  it('creates one tray and rebuilds the whole menu on every update', () => {
    const calls: string[] = [];
    const before = instances().length;
    const controller = createTrayController({
      iconPath: '/icons/stopped.png',
      actions: { openWindow: () => calls.push('open'), quit: () => calls.push('quit') },
      initial: { activeProfile: null },
    });
    expect(instances().length).toBe(before + 1);
    const tray = instances().at(-1)!;
    expect(tray.image).toBe('/icons/stopped.png');
    expect(tray.tooltip).toBe('Karpor Desktop');
    expect(tray.menus).toHaveLength(1);
    controller.update({ activeProfile: { name: 'Prod', context: 'c' } });
    expect(tray.menus).toHaveLength(2);
    expect(tray.menus[1]?.template[1]?.label).toBe('Profile: Prod (c)');
    tray.emit('click');
    expect(calls).toEqual(['open']);
    controller.destroy();
    expect(tray.destroyed).toBe(true);
    expect(instances().length).toBe(before + 1);
  });
});

describe('tray controller labels', () => {
  it('switches language on update', () => {
    const controller = createTrayController({ iconPath: '/i.png', actions: { openWindow: () => undefined, quit: () => undefined }, initial: { activeProfile: null } });
    const tray = instances().at(-1)!;
    controller.update({ activeProfile: null }, { title: 'T', activeProfile: () => 'p', noProfile: 'n', openWindow: 'o', quit: 'q' });
    expect(tray.tooltip).toBe('T');
    expect(tray.menus.at(-1)?.template.map((i) => i.label).filter(Boolean)).toEqual(['T', 'n', 'o', 'q']);
    controller.update({ activeProfile: null });
    expect(tray.menus.at(-1)?.template[3]?.label).toBe('o');
  });
});
