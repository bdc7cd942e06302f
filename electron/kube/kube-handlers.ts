// IPC handlers of the kube domain.
import { AppError } from '../ipc/app-error.ts';
import type { HandlerTable } from '../ipc/handler-types.ts';
import type { Services } from '../services.ts';

export function kubeHandlers(services: Services): Pick<HandlerTable, 'kube:contexts' | 'kube:pickFile'> {
  return {
    'kube:contexts': async (input) => services.kube.listContexts(input?.kubeconfigPath ?? null),
    'kube:pickFile': async () => {
      if (!services.pickKubeconfigFile) {
        throw new AppError('UNSUPPORTED', 'Choosing a file with a dialog needs the desktop app.', { hint: 'Type the path of the kubeconfig file instead.' });
      }
      return { path: await services.pickKubeconfigFile() };
    },
  };
}
