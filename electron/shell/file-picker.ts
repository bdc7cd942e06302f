// kube:pickFile inside the app: the native "open file" dialog, starting in ~/.kube.
import path from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

export function createKubeconfigPicker(getWindow: () => BrowserWindow | undefined, homeDir: string): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Choose a kubeconfig file',
      defaultPath: path.join(homeDir, '.kube'),
      properties: ['openFile', 'showHiddenFiles'],
    };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
