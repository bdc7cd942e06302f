import { describe, expect, it } from 'vitest';
import { buildTrayMenu, englishTrayLabels, trayStateFromSettings } from '../../../electron/tray/tray-menu.ts';
import { defaultSettings } from '../../../electron/store/settings-schema.ts';

const noop = { openWindow: () => undefined, quit: () => undefined };
const shape = (items: ReturnType<typeof buildTrayMenu>) => items.map((i) => (i.type === 'separator' ? '---' : `${i.label}${i.enabled === false ? ' (disabled)' : ''}`));

describe('tray menu template', () => {
  it('without a profile: title, hint, Open window, Quit', () => {
    expect(shape(buildTrayMenu({ activeProfile: null }, noop))).toEqual([
      'Karpor Desktop (disabled)',
      'No profile yet: open the window to add one (disabled)',
      '---',
      'Open window',
      '---',
      'Quit Karpor Desktop',
    ]);
  });

  it('names the active profile and its context', () => {
    expect(shape(buildTrayMenu({ activeProfile: { name: 'Prod', context: 'gke-prod' } }, noop))[1]).toBe('Profile: Prod (gke-prod) (disabled)');
  });

  it('wires Open window and Quit to the actions', () => {
    const calls: string[] = [];
    const items = buildTrayMenu({ activeProfile: null }, { openWindow: () => calls.push('open'), quit: () => calls.push('quit') });
    const click = (label: string) => (items.find((i) => i.label === label)?.click as () => void)();
    click(englishTrayLabels.openWindow);
    click(englishTrayLabels.quit);
    expect(calls).toEqual(['open', 'quit']);
  });

  it('takes other labels (translations)', () => {
    const labels = { ...englishTrayLabels, openWindow: '打开窗口' };
    expect(buildTrayMenu({ activeProfile: null }, noop, labels)[3]?.label).toBe('打开窗口');
  });

  it('derives its state from the settings', () => {
    const settings = { ...defaultSettings(), activeProfileId: 'b', profiles: [
      { id: 'a', name: 'A', kubeconfigPath: null, context: 'ca', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 },
      { id: 'b', name: 'B', kubeconfigPath: null, context: 'cb', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7444 },
    ] };
    expect(trayStateFromSettings({ settings, notices: [] })).toEqual({ activeProfile: { name: 'B', context: 'cb' } });
    expect(trayStateFromSettings({ settings: defaultSettings(), notices: [] })).toEqual({ activeProfile: null });
  });
});

describe('tray labels', () => {
  it('come from the window translations, following the language preference and the system locale', async () => {
    const { trayLabelsFor } = await import('../../../electron/tray/tray-labels.ts');
    expect(trayLabelsFor('en', 'zh-CN')).toMatchObject({ title: 'Karpor Desktop', openWindow: 'Open window' });
    expect(trayLabelsFor('zh-CN', 'en-US').openWindow).toBe('打开窗口');
    expect(trayLabelsFor('system', 'zh-TW').quit).toBe('退出 Karpor Desktop');
    expect(trayLabelsFor('system', 'de-DE').activeProfile('A & B', 'ctx<1>')).toBe('Profile: A & B (ctx<1>)');
    expect(shape(buildTrayMenu({ activeProfile: null }, noop, trayLabelsFor('en', 'en-US')))).toEqual(shape(buildTrayMenu({ activeProfile: null }, noop)));
  });
});
