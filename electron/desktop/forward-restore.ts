// "Auto-restore of the last state": whether forwarding was on is kept in the settings as the user
// turns it on and off, so the next launch starts it only if it was on (and "start forwarding when
// the app starts" is set). Followed on every change rather than read at quit, because a logout or a
// crash may never deliver before-quit, and because quitting itself stops every forward.
import type { ForwardStatusView } from '../forward/forward-channels.ts';
import type { Preferences, PreferencesPatch } from '../store/settings-schema.ts';

export function shouldRestoreForwarding(preferences: Pick<Preferences, 'startForwardingOnLaunch' | 'forwardingWasOn'>): boolean {
  return preferences.startForwardingOnLaunch && preferences.forwardingWasOn;
}

/** On unless stopped: a forward reconnecting or in error at quit is one the user wanted running. */
export function forwardingIsOn(status: ForwardStatusView): boolean | null {
  // Without a profile there is no forward to remember (and "stopped" would wrongly win).
  if (status.profileId === null) return null;
  return status.state.status !== 'stopped';
}

export interface ForwardIntentDeps {
  settings: { get(): { settings: { preferences: Preferences } }; updatePreferences(patch: PreferencesPatch): unknown };
  events: { subscribe(sink: (event: string, payload: unknown) => void): () => void };
  forward: { status(): ForwardStatusView };
  /** True once the app quits: the stops that follow are the shell's, not the user's. */
  quitting(): boolean;
  log?: (line: string) => void;
}

export function followForwardingIntent(deps: ForwardIntentDeps): () => void {
  return deps.events.subscribe((event) => {
    if (event !== 'forward:changed' || deps.quitting()) return;
    const on = forwardingIsOn(deps.forward.status());
    if (on === null || on === deps.settings.get().settings.preferences.forwardingWasOn) return;
    try {
      deps.settings.updatePreferences({ forwardingWasOn: on });
    } catch {
      deps.log?.('[forward] could not remember whether forwarding is on');
    }
  });
}
