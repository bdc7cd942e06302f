import { describe, expect, it } from 'vitest';
import { profileInputSchema, type Profile } from '../../../electron/store/settings-schema.ts';
import { isDnsLabel, isPort, suggestLocalPort, toFormValues, toProfileInput } from '../../../renderer/src/pages/profile/profile-form-model.ts';

const saved: Profile = {
  id: 'p1',
  name: 'Production',
  kubeconfigPath: '/home/me/.kube/prod',
  context: 'prod',
  namespace: 'karpor',
  service: 'karpor-server',
  servicePort: 7443,
  localPort: 7443,
};

describe('profile form model', () => {
  it('starts a new profile with Karpor defaults and a local port no other profile uses', () => {
    expect(toFormValues(undefined, [])).toEqual({ name: '', kubeconfigPath: '', context: undefined, namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 });
    expect(toFormValues(undefined, [saved, { ...saved, id: 'p2', localPort: 7444 }]).localPort).toBe(7445);
  });

  it('round-trips a saved profile', () => {
    expect(toProfileInput(toFormValues(saved, [saved]), saved.id)).toEqual(saved);
  });

  it('maps an empty path to "like kubectl", an empty name to the context, and trims', () => {
    const input = toProfileInput({ ...toFormValues(undefined, []), kubeconfigPath: '  ', context: 'kind-karpor', name: ' ', namespace: ' karpor ' }, undefined);
    expect(input).toEqual({ name: 'kind-karpor', kubeconfigPath: null, context: 'kind-karpor', namespace: 'karpor', service: 'karpor-server', servicePort: 7443, localPort: 7443 });
    expect(input).not.toHaveProperty('id');
  });

  it('produces what main accepts, and its checks agree with main on names and ports', () => {
    expect(profileInputSchema.safeParse(toProfileInput({ ...toFormValues(undefined, []), context: 'c' }, undefined)).success).toBe(true);
    for (const label of ['karpor', 'a', 'karpor-server', 'x1', 'a'.repeat(63), 'Karpor', '-a', 'a-', 'a_b', '', 'a'.repeat(64), 'a.b']) {
      expect(isDnsLabel(label), label).toBe(profileInputSchema.shape.namespace.safeParse(label).success);
    }
    for (const port of [1, 7443, 65535, 0, 65536, 1.5, -1, Number.NaN]) {
      expect(isPort(port), String(port)).toBe(profileInputSchema.shape.localPort.safeParse(port).success);
    }
    expect(isPort('7443')).toBe(false);
    expect(isDnsLabel(undefined)).toBe(false);
  });

  it('suggests the preferred port when free, and skips used ones', () => {
    expect(suggestLocalPort([])).toBe(7443);
    expect(suggestLocalPort([{ localPort: 7443 }, { localPort: 7444 }, { localPort: 9000 }])).toBe(7445);
    expect(suggestLocalPort([{ localPort: 8080 }], 8080)).toBe(8081);
  });
});
