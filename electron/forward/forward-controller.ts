// The app's forwards: one ForwardService per profile (several may run at once), the active
// profile's one driven by the UI, tray and shell. Persists a moved local port in the profile.
import type { KubeConfig } from '@kubernetes/client-node';
import { createForwardService } from './forward-service.ts';
import type { ForwardService, ForwardServiceOptions } from './forward-service.ts';
import type { ForwardState, ForwardTarget } from './forward-state.ts';
import type { ForwardStatusView } from './forward-channels.ts';
import type { Profile, Settings } from '../store/settings-schema.ts';

export interface ForwardControllerDeps {
  settings: {
    get(): { settings: Settings };
    saveProfile(input: Profile): Profile;
  };
  loadKubeConfig: (kubeconfigPath: string | null, context: string) => KubeConfig | Promise<KubeConfig>;
  /** Called with the active profile's status on every change (the shell emits `forward:changed`). */
  onChange?: (status: ForwardStatusView) => void;
  serviceOptions?: Omit<ForwardServiceOptions, 'loadKubeConfig'>;
}

export interface ForwardController {
  /** The active profile's forward (created on first use); null without a profile. */
  active(): ForwardService | null;
  status(): ForwardStatusView;
  start(): Promise<ForwardStatusView>;
  stop(): Promise<ForwardStatusView>;
  recheck(): Promise<ForwardStatusView>;
  usePort(): Promise<ForwardStatusView>;
  /** At launch: start the active profile's forward when the preference says so. */
  autoStart(): Promise<void>;
  /** On quit: stop every forward and free every port. */
  dispose(): Promise<void>;
}

export function targetOf(profile: Profile): ForwardTarget {
  return {
    kubeconfigPath: profile.kubeconfigPath,
    context: profile.context,
    namespace: profile.namespace,
    service: profile.service,
    servicePort: profile.servicePort,
    localPort: profile.localPort,
  };
}

export function createForwardController(deps: ForwardControllerDeps): ForwardController {
  const forwards = new Map<string, ForwardService>();

  const activeProfile = (): Profile | null => {
    const { settings } = deps.settings.get();
    return settings.profiles.find((p) => p.id === settings.activeProfileId) ?? null;
  };

  const serviceFor = (profile: Profile): ForwardService => {
    let svc = forwards.get(profile.id);
    if (!svc) {
      svc = createForwardService({ ...deps.serviceOptions, loadKubeConfig: deps.loadKubeConfig });
      const id = profile.id;
      svc.onState(() => {
        if (activeProfile()?.id === id) deps.onChange?.(status());
      });
      forwards.set(profile.id, svc);
    }
    return svc;
  };

  function status(): ForwardStatusView {
    const profile = activeProfile();
    const svc = profile ? forwards.get(profile.id) : undefined;
    const state: ForwardState = svc?.state() ?? { status: 'stopped' };
    return { profileId: profile?.id ?? null, target: svc?.target() ?? (profile ? targetOf(profile) : null), state };
  }

  const requireProfile = (): Profile => {
    const profile = activeProfile();
    if (!profile) throw new Error('No profile yet: add a cluster profile first');
    return profile;
  };

  return {
    active: () => {
      const profile = activeProfile();
      return profile ? serviceFor(profile) : null;
    },
    status,
    async start() {
      const profile = requireProfile();
      await serviceFor(profile).start(targetOf(profile));
      return status();
    },
    async stop() {
      const profile = activeProfile();
      const svc = profile ? forwards.get(profile.id) : undefined;
      await svc?.stop();
      return status();
    },
    async recheck() {
      const profile = activeProfile();
      const svc = profile ? forwards.get(profile.id) : undefined;
      await svc?.recheck();
      return status();
    },
    async usePort() {
      const profile = requireProfile();
      const moved = await serviceFor(profile).useSuggestedPort();
      // The dashboard's login lives in that origin: the new port becomes the profile's stable one.
      deps.settings.saveProfile({ ...profile, localPort: moved.localPort });
      return status();
    },
    async autoStart() {
      const { settings } = deps.settings.get();
      if (!settings.preferences.startForwardingOnLaunch) return;
      const profile = activeProfile();
      if (profile) await serviceFor(profile).start(targetOf(profile));
    },
    async dispose() {
      await Promise.all([...forwards.values()].map((f) => f.stop()));
      forwards.clear();
    },
  };
}
