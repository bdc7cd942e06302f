// `npm run demo`: the Electron app against the sandbox, with its own throw-away settings folder, so
// every feature (forward, accounts, tokens, dashboard) can be tried without a cluster.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { startDemoEnvironment, stopOnSignal } from './demo-sandbox.ts';

const root = join(import.meta.dirname, '..');

/**
 * Where the electron package put its binary, found without `require('electron')`, which would try to
 * download it. Null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, or no network).
 */
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron');
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.error('Electron\'s binary is not installed here (it downloads on `npm install` unless ELECTRON_SKIP_BINARY_DOWNLOAD is set).');
  console.error('Run `npm run demo:web` to try the same app in your browser instead.');
  process.exit(1);
}

const env = await startDemoEnvironment();
console.log('Karpor Desktop demo is starting against the sandbox:');
console.log(`  profile "Sandbox": context ${env.context}, service karpor/karpor-server:7443 -> 127.0.0.1:${env.localPort}`);
console.log(`  sandbox kubeconfig: ${env.kubeconfigPath}   (try: kubectl --kubeconfig ${env.kubeconfigPath} get pods -n karpor)`);
console.log('The window opens by itself; the app stays in the tray. Quit from the tray menu or press Ctrl+C here.');

// The demo's settings, vault, cookies and cache stay away from a real installation's: the settings
// folder by KARPOR_DESKTOP_SETTINGS_DIR (as the CLI reads it), Chromium's profile by --user-data-dir.
const child = spawn(binary, [root, `--user-data-dir=${env.settingsDir}`], {
  stdio: 'inherit',
  env: { ...process.env, KUBECONFIG: env.kubeconfigPath, KARPOR_DESKTOP_SETTINGS_DIR: env.settingsDir },
});
stopOnSignal(async () => {
  child.kill('SIGTERM');
  await env.stop();
});
child.on('exit', (code) => {
  void env.stop().finally(() => process.exit(code ?? 0));
});
