// The shell's hooks for the forward: start at launch (preference "start forwarding when the app
// starts"), probe at once when the machine wakes or unlocks (a status from before the sleep is a
// guess), stop everything on quit. Takes the emitters so tests pass plain EventEmitters.
import type { ForwardController } from './forward-controller.ts';

export interface LifecycleEmitter {
  on(event: string, listener: () => void): unknown;
}

export const RECHECK_EVENTS = ['resume', 'unlock-screen', 'user-did-become-active'] as const;

export function wireForwardLifecycle(forward: ForwardController, deps: {
  app: LifecycleEmitter;
  powerMonitor: LifecycleEmitter;
  log?: (line: string) => void;
  /** Further condition for starting at launch (the shell's "forwarding was on when the app quit"). */
  shouldStart?: () => boolean;
}): Promise<void> {
  const log = deps.log ?? (() => undefined);
  for (const event of RECHECK_EVENTS) {
    deps.powerMonitor.on(event, () => void forward.recheck().catch(() => log(`[forward] recheck after ${event} failed`)));
  }
  deps.app.on('before-quit', () => void forward.dispose());
  if (deps.shouldStart && !deps.shouldStart()) return Promise.resolve();
  return forward.autoStart().catch(() => log('[forward] could not start forwarding at launch'));
}
