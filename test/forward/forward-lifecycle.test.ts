// Launch, wake/unlock and quit hooks of the forward, with the real controller against the sandbox.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { createServices } from '../../electron/services.ts';
import { wireForwardLifecycle } from '../../electron/forward/forward-lifecycle.ts';
import { isPortFree } from '../../electron/forward/local-port.ts';
import { freePort, sleep } from './forward-helpers.ts';
import { Tray } from 'electron';
import { setupTray } from '../../electron/tray/setup-tray.ts';

describe('forward lifecycle', () => {
  let sb: Sandbox | undefined;
  const dirs: string[] = [];
  afterAll(async () => {
    await sb?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function services() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'karpor-forward-life-'));
    dirs.push(dir);
    return createServices({ settingsDir: dir, version: 't', homeDir: dir, getEnv: () => ({}) });
  }

  it('starts at launch, rechecks on resume/unlock, drives the tray icon and tooltip, frees the port on quit', async () => {
    sb = await startSandbox({ rbac: false, pods: 1, podRestartDelayMs: 100 });
    const s = services();
    const port = await freePort();
    s.settings.saveProfile({ name: 'sb', kubeconfigPath: sb.kubeconfigPath, context: 'sandbox', localPort: port });
    setupTray({ services: s, iconPath: '/stopped.png', actions: { openWindow: () => undefined, quit: () => undefined }, systemLocale: 'en-US', iconFor: (st) => `/${st}.png` });
    const tray = (Tray as unknown as { instances: Array<{ images: string[]; tooltip: string }> }).instances.at(-1);
    const app = new EventEmitter();
    const power = new EventEmitter();
    await wireForwardLifecycle(s.forward, { app, powerMonitor: power });
    const deadline = Date.now() + 10_000;
    while (s.forward.status().state.status !== 'ready' && Date.now() < deadline) await sleep(20);
    expect(s.forward.status().state.status).toBe('ready');
    expect(tray?.images.at(-1)).toBe('/ready.png');
    expect(tray?.images).toContain('/reconnecting.png'); // starting
    expect(tray?.tooltip).toContain(`Forwarding 127.0.0.1:${port}`);
    power.emit('resume');
    power.emit('unlock-screen');
    await sleep(300);
    expect(s.forward.status().state.status).toBe('ready');
    app.emit('before-quit');
    while (!(await isPortFree(port)) && Date.now() < deadline) await sleep(20);
    expect(await isPortFree(port)).toBe(true);
    while (s.forward.status().state.status !== 'stopped' && Date.now() < deadline) await sleep(20);
    expect(s.forward.status().state).toEqual({ status: 'stopped' });
    expect(tray?.images.at(-1)).toBe('/stopped.png');
  }, 30_000);

  it('does not start at launch when the preference is off', async () => {
    const s = services();
    s.settings.saveProfile({ name: 'sb', kubeconfigPath: sb?.kubeconfigPath ?? '', context: 'sandbox', localPort: await freePort() });
    s.settings.updatePreferences({ startForwardingOnLaunch: false });
    await wireForwardLifecycle(s.forward, { app: new EventEmitter(), powerMonitor: new EventEmitter() });
    expect(s.forward.status().state).toEqual({ status: 'stopped' });
  }, 30_000);
});
