import { describe, expect, it } from 'vitest';
import { BrowserWindow, dialog } from 'electron';
import { createKubeconfigPicker } from '../../../electron/shell/file-picker.ts';

const fakeDialog = dialog as unknown as { openCalls: unknown[][]; nextOpenResult: { canceled: boolean; filePaths: string[] } };

describe('kubeconfig file picker', () => {
  it('opens a file dialog in ~/.kube, attached to the window, and returns the choice', async () => {
    const win = new BrowserWindow();
    fakeDialog.nextOpenResult = { canceled: false, filePaths: ['/home/ada/.kube/dev'] };
    expect(await createKubeconfigPicker(() => win, '/home/ada')()).toBe('/home/ada/.kube/dev');
    expect(fakeDialog.openCalls.at(-1)?.[0]).toBe(win);
    expect(fakeDialog.openCalls.at(-1)?.[1]).toMatchObject({ defaultPath: '/home/ada/.kube', properties: ['openFile', 'showHiddenFiles'] });
  });

  it('returns null when cancelled, and works without a window', async () => {
    fakeDialog.nextOpenResult = { canceled: true, filePaths: [] };
    expect(await createKubeconfigPicker(() => undefined, '/home/ada')()).toBeNull();
    expect(fakeDialog.openCalls.at(-1)).toHaveLength(1);
  });
});
