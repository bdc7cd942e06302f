import type { KubeObject } from './state.ts';

/** Server-side printing (`Accept: ...;as=Table`), which kubectl asks for by default. */

interface Column {
  name: string;
  type: string;
  format: string;
  cell(o: KubeObject, now: Date): string | number;
}

/** Kubernetes' `duration.HumanDuration` shape: 45s, 3m20s, 42m, 5h3m, 20h, 3d4h, 12d, 2y. */
export function humanAge(created: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - Date.parse(created)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 24 * 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

function field(o: KubeObject, ...path: string[]): unknown {
  let v: unknown = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
const age: Column = { name: 'Age', type: 'string', format: '', cell: (o, now) => humanAge(o.metadata.creationTimestamp, now) };

const COLUMNS: Record<string, Column[]> = {
  Namespace: [name, { name: 'Status', type: 'string', format: '', cell: (o) => String(field(o, 'status', 'phase') ?? 'Active') }, age],
  ServiceAccount: [name, { name: 'Secrets', type: 'integer', format: '', cell: (o) => (Array.isArray(o.secrets) ? o.secrets.length : 0) }, age],
  Secret: [
    name,
    { name: 'Type', type: 'string', format: '', cell: (o) => String(o.type ?? 'Opaque') },
    { name: 'Data', type: 'integer', format: '', cell: (o) => Object.keys((o.data as object | undefined) ?? {}).length },
    age,
  ],
  ClusterRole: [name, { name: 'Created At', type: 'date', format: '', cell: (o) => o.metadata.creationTimestamp }],
  Role: [name, { name: 'Created At', type: 'date', format: '', cell: (o) => o.metadata.creationTimestamp }],
  ClusterRoleBinding: [name, { name: 'Role', type: 'string', format: '', cell: (o) => `${String(field(o, 'roleRef', 'kind'))}/${String(field(o, 'roleRef', 'name'))}` }, age],
  RoleBinding: [name, { name: 'Role', type: 'string', format: '', cell: (o) => `${String(field(o, 'roleRef', 'kind'))}/${String(field(o, 'roleRef', 'name'))}` }, age],
};

export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

export function toTable(kind: string, objects: KubeObject[], resourceVersion: string, now: Date): unknown {
  const cols = COLUMNS[kind] ?? [name, age];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type, format: c.format, description: '', priority: 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o, now)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
