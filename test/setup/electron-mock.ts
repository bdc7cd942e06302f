import { vi } from 'vitest';

// The Electron binary cannot be downloaded on this machine, so no test may load the real
// `electron` module. The fake is a thin set of recorders (test/setup/electron-fake.ts).
vi.mock('electron', async () => await import('./electron-fake.ts'));
