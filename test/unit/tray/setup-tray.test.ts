import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Tray } from 'electron';
import { setupTray } from '../../../electron/tray/setup-tray.ts';
import { createServices, type Services } from '../../../electron/services.ts';
import { kubeconfigYaml, tempDir, type TempDir } from '../../integration/helpers/kubeconfigs.ts';

type FakeTray = { menus: { template: { label?: string }[] }[] };
const lastLabels = () => (Tray as unknown as { instances: FakeTray[] }).instances.at(-1)!.menus.at(-1)!.template.map((i) => i.label).filter(Boolean);

describe('tray wired to the settings', () => {
  let tmp: TempDir;
  let services: Services;
  beforeAll(() => {
    tmp = tempDir();
    services = createServices({ settingsDir: path.join(tmp.dir, 's'), version: '1', homeDir: tmp.dir, getEnv: () => ({}) });
    setupTray({ services, iconPath: '/i.png', actions: { openWindow: () => undefined, quit: () => undefined }, systemLocale: 'en-US' });
  });
  afterAll(() => tmp.cleanup());

  it('follows the active profile and the language preference', () => {
    expect(lastLabels()[1]).toBe('No profile yet: open the window to add one');
    services.settings.saveProfile({ name: 'Prod', kubeconfigPath: tmp.write('kc', kubeconfigYaml()), context: 'prod' });
    expect(lastLabels()[1]).toBe('Profile: Prod (prod)');
    services.settings.updatePreferences({ language: 'zh-CN' });
    expect(lastLabels()).toEqual(['Karpor Desktop', '配置：Prod（prod）', '转发已关闭', '转发', '打开窗口', '退出 Karpor Desktop']);
  });
});
