// `npm run dev:web`: the built renderer in your browser, backed by the real services.
// Settings go to a folder of their own so a development session never touches the app's.
import path from 'node:path';
import { startDevBridge } from './dev-bridge.ts';
import { APP_DIR_NAME, appDataDir } from '../store/settings-dir.ts';

const settingsDir = process.env.KARPOR_DESKTOP_SETTINGS_DIR || path.join(appDataDir(), `${APP_DIR_NAME}-dev`);
const port = Number(process.env.KARPOR_DEV_WEB_PORT ?? 5280);
const bridge = await startDevBridge({ settingsDir, port, kubeconfigPath: process.env.KUBECONFIG || undefined });
console.log(`Karpor Desktop dev bridge (settings in ${path.resolve(settingsDir)})`);
console.log(`Open: ${bridge.url}`);
console.log('The address holds a per-run secret; stop with Ctrl+C.');

const stop = (): void => void bridge.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
