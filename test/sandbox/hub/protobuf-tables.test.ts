import { describe, expect, it } from 'vitest';
import { decodeKubeProtobuf } from './protobuf.ts';
import { humanAge } from '../common/printing.ts';

/** Protobuf wire helpers: enough to build the envelope kubectl sends, independently of the decoder under test. */
function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}
const field = (num: number, bytes: Buffer | string): Buffer => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return Buffer.concat([varint((num << 3) | 2), varint(b.length), b]);
};
const intField = (num: number, n: number): Buffer => Buffer.concat([varint(num << 3), varint(n)]);

function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const unknown = Buffer.concat([field(1, Buffer.concat([field(1, apiVersion), field(2, kind)])), field(2, raw), field(3, ''), field(4, '')]);
  return Buffer.concat([Buffer.from('k8s\0', 'binary'), unknown]);
}

describe('Kubernetes protobuf decoding', () => {
  it('decodes a TokenRequest with audiences and a 64-bit expirationSeconds', () => {
    const spec = Buffer.concat([field(1, 'aud-a'), field(1, 'aud-b'), intField(4, 36_000_000)]);
    const raw = Buffer.concat([field(1, field(1, 'karpor-admin')), field(2, spec)]);
    const d = decodeKubeProtobuf(envelope('authentication.k8s.io/v1', 'TokenRequest', raw));
    expect(d).toEqual({
      ok: true,
      object: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: { name: 'karpor-admin' }, spec: { audiences: ['aud-a', 'aud-b'], expirationSeconds: 36_000_000 } },
    });
  });

  it('decodes a ClusterRoleBinding, leaving out the empty strings Go writes for unset fields', () => {
    const subject = Buffer.concat([field(1, 'ServiceAccount'), field(2, ''), field(3, 'karpor-admin'), field(4, 'default')]);
    const roleRef = Buffer.concat([field(1, 'rbac.authorization.k8s.io'), field(2, 'ClusterRole'), field(3, 'karpor-admin')]);
    const meta = Buffer.concat([field(1, 'karpor-admin'), field(2, ''), field(3, ''), field(11, Buffer.concat([field(1, 'team'), field(2, 'a')]))]);
    const raw = Buffer.concat([field(1, meta), field(2, subject), field(3, roleRef)]);
    const d = decodeKubeProtobuf(envelope('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', raw));
    expect(d).toEqual({
      ok: true,
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'karpor-admin', labels: { team: 'a' } },
        subjects: [{ kind: 'ServiceAccount', name: 'karpor-admin', namespace: 'default' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'karpor-admin' },
      },
    });
  });

  it('refuses bodies without the magic prefix and kinds it has no schema for', () => {
    expect(decodeKubeProtobuf(Buffer.from('{"kind":"ServiceAccount"}'))).toMatchObject({ ok: false, message: expect.stringContaining('magic prefix') });
    expect(decodeKubeProtobuf(envelope('v1', 'ConfigMap', Buffer.alloc(0)))).toMatchObject({ ok: false, message: expect.stringContaining('"ConfigMap"') });
  });
});

describe('table ages', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
  it('print like kubectl', () => {
    expect([5, 119, 150, 600, 7200, 7500, 30 * 3600, 50 * 3600, 10 * 86400, 800 * 86400].map((s) => humanAge(ago(s), now))).toEqual([
      '5s',
      '119s',
      '2m30s',
      '10m',
      '120m',
      '125m',
      '30h',
      '2d2h',
      '10d',
      '2y',
    ]);
  });
});
