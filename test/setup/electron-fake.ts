// Thin stand-ins for the Electron APIs the main process touches. They record calls so tests
// can assert what the shell asked Electron to do; no logic of ours lives here.
export const app = {
  getVersion: () => '0.0.0-test',
  getPath: (_name: string) => '/tmp/karpor-desktop-test',
  getLocale: () => 'en-US',
  isReady: () => true,
  whenReady: async () => undefined,
  on: () => app,
  quit: () => undefined,
};
export default { app };
