// Server-side printing: kubectl asks for `as=Table` and prints the rows it gets, as with a real API server.
import type { KubeObject } from './cluster-state.ts';
import { field, humanAge } from '../common/printing.ts';

interface Column {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  cell(o: KubeObject): string | number;
}

// Kubernetes prints <unknown> for an object without a creation time.
function age(o: KubeObject): string {
  const created = o.metadata.creationTimestamp;
  return created && !Number.isNaN(Date.parse(created)) ? humanAge(created, new Date()) : '<unknown>';
}

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
const ageCol: Column = { name: 'Age', type: 'string', cell: age };

const COLUMNS: Record<string, Column[]> = {
  pods: [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const statuses = (field(o, 'status', 'containerStatuses') as Array<{ ready?: boolean }> | undefined) ?? [];
        return `${statuses.filter((c) => c.ready).length}/${statuses.length}`;
      },
    },
    { name: 'Status', type: 'string', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : String(field(o, 'status', 'phase') ?? '')) },
    { name: 'Restarts', type: 'string', cell: () => '0' },
    ageCol,
    { name: 'IP', type: 'string', priority: 1, cell: (o) => String(field(o, 'status', 'podIP') ?? '<none>') },
    { name: 'Node', type: 'string', priority: 1, cell: (o) => String(field(o, 'spec', 'nodeName') ?? '<none>') },
  ],
  services: [
    name,
    { name: 'Type', type: 'string', cell: (o) => String(field(o, 'spec', 'type') ?? '') },
    { name: 'Cluster-IP', type: 'string', cell: (o) => String(field(o, 'spec', 'clusterIP') ?? '') },
    { name: 'External-IP', type: 'string', cell: () => '<none>' },
    {
      name: 'Port(s)',
      type: 'string',
      cell: (o) => ((field(o, 'spec', 'ports') as Array<{ port: number; protocol: string }> | undefined) ?? []).map((p) => `${p.port}/${p.protocol}`).join(','),
    },
    ageCol,
  ],
  configmaps: [name, { name: 'Data', type: 'integer', cell: (o) => Object.keys((o['data'] as object | undefined) ?? {}).length }, ageCol],
  endpointslices: [
    name,
    { name: 'AddressType', type: 'string', cell: (o) => String(o['addressType'] ?? '') },
    { name: 'Ports', type: 'string', cell: (o) => ((o['ports'] as Array<{ port: number }> | undefined) ?? []).map((p) => p.port).join(',') },
    {
      name: 'Endpoints',
      type: 'string',
      cell: (o) => ((o['endpoints'] as Array<{ addresses: string[] }> | undefined) ?? []).flatMap((e) => e.addresses).join(',') || '<unset>',
    },
    ageCol,
  ],
  endpoints: [
    name,
    {
      name: 'Endpoints',
      type: 'string',
      cell: (o) => {
        const subsets = (o['subsets'] as Array<{ addresses?: Array<{ ip: string }>; ports?: Array<{ port: number }> }> | undefined) ?? [];
        const pairs = subsets.flatMap((s) => (s.addresses ?? []).flatMap((a) => (s.ports ?? []).map((p) => `${a.ip}:${p.port}`)));
        return pairs.join(',') || '<none>';
      },
    },
    ageCol,
  ],
  deployments: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => `${Number(field(o, 'status', 'readyReplicas') ?? 0)}/${Number(field(o, 'spec', 'replicas') ?? 0)}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => Number(field(o, 'status', 'updatedReplicas') ?? 0) },
    { name: 'Available', type: 'integer', cell: (o) => Number(field(o, 'status', 'availableReplicas') ?? 0) },
    ageCol,
  ],
  replicasets: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => Number(field(o, 'spec', 'replicas') ?? 0) },
    { name: 'Current', type: 'integer', cell: (o) => Number(field(o, 'status', 'replicas') ?? 0) },
    { name: 'Ready', type: 'integer', cell: (o) => Number(field(o, 'status', 'readyReplicas') ?? 0) },
    ageCol,
  ],
  namespaces: [name, { name: 'Status', type: 'string', cell: (o) => String(field(o, 'status', 'phase') ?? '') }, ageCol],
};

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept);
}

export function toTable(resource: string, objects: KubeObject[], resourceVersion: string): Record<string, unknown> {
  const cols = COLUMNS[resource] ?? [name, ageCol];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o)),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
