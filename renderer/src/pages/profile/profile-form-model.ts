// What the profile form edits, and how it maps to what `profiles:save` takes. Main validates again
// (zod); these checks only let the form say what is wrong next to the field, in the user's language.
import type { Profile, ProfileInput } from '../../../../electron/store/settings-schema.ts';

export interface ProfileFormValues {
  name: string;
  /** '' = resolve like kubectl (KUBECONFIG list, then ~/.kube/config). */
  kubeconfigPath: string;
  context: string | undefined;
  namespace: string;
  service: string;
  servicePort: number;
  localPort: number;
}

export const KARPOR_DEFAULTS = { namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 } as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDnsLabel(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 63 && DNS_LABEL.test(value);
}

export function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** A local port no other profile uses, so several installations can be forwarded at once. */
export function suggestLocalPort(profiles: readonly Pick<Profile, 'localPort'>[], preferred: number = KARPOR_DEFAULTS.localPort): number {
  const used = new Set(profiles.map((p) => p.localPort));
  let port = preferred;
  while (used.has(port) && port < 65535) port += 1;
  return port;
}

export function toFormValues(profile: Profile | undefined, others: readonly Profile[]): ProfileFormValues {
  if (!profile) {
    return { name: '', kubeconfigPath: '', context: undefined, ...KARPOR_DEFAULTS, localPort: suggestLocalPort(others) };
  }
  return {
    name: profile.name,
    kubeconfigPath: profile.kubeconfigPath ?? '',
    context: profile.context,
    namespace: profile.namespace,
    service: profile.service,
    servicePort: profile.servicePort,
    localPort: profile.localPort,
  };
}

export function toProfileInput(values: ProfileFormValues, id: string | undefined): ProfileInput {
  const path = values.kubeconfigPath.trim();
  const context = values.context ?? '';
  return {
    ...(id ? { id } : {}),
    // An untouched name takes the context's: most people have one profile per context.
    name: values.name.trim() || context,
    kubeconfigPath: path === '' ? null : path,
    context,
    namespace: values.namespace.trim(),
    service: values.service.trim(),
    servicePort: values.servicePort,
    localPort: values.localPort,
  };
}
