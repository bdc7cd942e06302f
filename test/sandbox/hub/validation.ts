import { z } from 'zod';
import type { StatusCause } from '../common/status.ts';
import type { ResourceDef } from './resources.ts';
import type { IncomingObject } from './state.ts';

/** The API server's kind-specific validation and defaulting, for the kinds the hub stores. */

const policyRule = z.object({
  verbs: z.array(z.string()),
  apiGroups: z.array(z.string()).optional(),
  resources: z.array(z.string()).optional(),
  resourceNames: z.array(z.string()).optional(),
  nonResourceURLs: z.array(z.string()).optional(),
});
export const roleSchema = z.object({ rules: z.array(policyRule).nullish() });
const subject = z.object({ kind: z.string(), apiGroup: z.string().optional(), name: z.string(), namespace: z.string().optional() });
const roleRef = z.object({ apiGroup: z.string(), kind: z.string(), name: z.string() });
export const bindingSchema = z.object({ subjects: z.array(subject).nullish(), roleRef });

/** Kind-specific checks the real API server's validation makes (only those a client of this app can trip). */
export function validateSpecific(def: ResourceDef, body: IncomingObject): StatusCause[] {
  const causes: StatusCause[] = [];
  if (def.kind === 'ClusterRoleBinding' || def.kind === 'RoleBinding') {
    const parsed = bindingSchema.safeParse(body);
    if (!parsed.success) {
      causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'roleRef' });
      return causes;
    }
    const ref = parsed.data.roleRef;
    const kinds = def.kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'];
    if (!kinds.includes(ref.kind)) {
      causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: "${ref.kind}": supported values: ${kinds.map((k) => `"${k}"`).join(', ')}`, field: 'roleRef.kind' });
    }
    if (!ref.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'roleRef.name' });
    (parsed.data.subjects ?? []).forEach((s, i) => {
      if (!s.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `subjects[${i}].name` });
      if (!['ServiceAccount', 'User', 'Group'].includes(s.kind)) {
        causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: "${s.kind}": supported values: "ServiceAccount", "User", "Group"`, field: `subjects[${i}].kind` });
      }
      if (s.kind === 'ServiceAccount' && def.kind === 'ClusterRoleBinding' && !s.namespace) {
        causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `subjects[${i}].namespace` });
      }
    });
  }
  if (def.kind === 'ClusterRole' || def.kind === 'Role') {
    if (!roleSchema.safeParse(body).success) causes.push({ reason: 'FieldValueInvalid', message: 'Invalid value: rules must be a list of policy rules', field: 'rules' });
  }
  return causes;
}

/** The API server's defaulting for the kinds whose defaults show up in `kubectl get`. */
export function defaults(def: ResourceDef, body: IncomingObject): Record<string, unknown> {
  if (def.kind === 'Secret') return { type: typeof body.type === 'string' && body.type ? body.type : 'Opaque' };
  if (def.kind === 'Namespace') return { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
  return {};
}

