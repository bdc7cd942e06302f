import type { KubeObject } from './state.ts';
import { field, humanAge } from '../common/printing.ts';

/** Server-side printing (`Accept: ...;as=Table`), which kubectl asks for by default. */

interface Column {
  name: string;
  type: string;
  format: string;
  cell(o: KubeObject, now: Date): string | number;
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
