// `npm run demo:web`: the whole app in an ordinary browser, against the sandbox, through the dev
// bridge: the way to try Karpor Desktop where Electron cannot run. Prints the address to open.
import { startDevBridge } from '../electron/bridge/dev-bridge.ts';
import { startDemoEnvironment, stopOnSignal } from './demo-sandbox.ts';

const env = await startDemoEnvironment();
const port = Number(process.env.KARPOR_DEMO_WEB_PORT ?? 0);
const bridge = await startDevBridge({ settingsDir: env.settingsDir, kubeconfigPath: env.kubeconfigPath, port });

console.log('Karpor Desktop demo (browser) is running against the sandbox:');
console.log(`  profile "Sandbox": context ${env.context}, service karpor/karpor-server:7443 -> 127.0.0.1:${env.localPort}`);
console.log(`  sandbox kubeconfig: ${env.kubeconfigPath}   (try: kubectl --kubeconfig ${env.kubeconfigPath} get pods -n karpor)`);
console.log(`  settings (deleted on exit): ${env.settingsDir}`);
console.log(`Open: ${bridge.url}`);
console.log('The address holds a per-run secret. Stop with Ctrl+C.');

stopOnSignal(async () => {
  await bridge.close();
  await env.stop();
});
