// This forward in its own process for the benchmark, like `kubectl port-forward` runs in its own.
// argv: kubeconfigPath localPort. Prints one JSON line per state change.
import os from 'node:os';
import { createKubeconfigSource } from '../electron/kube/kubeconfig-source.ts';
import { createForwardService } from '../electron/forward/forward-service.ts';

const [kubeconfigPath, localPort] = process.argv.slice(2);
if (!kubeconfigPath || !localPort) throw new Error('usage: forward-child.ts KUBECONFIG LOCAL_PORT');
const source = createKubeconfigSource({ homeDir: os.homedir(), getEnv: () => ({}) });
const svc = createForwardService({ loadKubeConfig: (p, c) => source.kubeConfigFor(p, c) });
svc.onState((s) => console.log(JSON.stringify(s)));
await svc.start({ kubeconfigPath, context: 'sandbox', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: Number(localPort) });
process.on('SIGTERM', () => void svc.stop().then(() => process.exit(0)));
