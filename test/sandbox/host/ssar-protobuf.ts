import protobuf from 'protobufjs';

/**
 * `kubectl auth can-i` posts its SelfSubjectAccessReview as Kubernetes protobuf (`k8s\0` + runtime.Unknown) and
 * does not retry as JSON; field numbers are those of k8s.io/api/authorization/v1/generated.proto.
 */
const SCHEMA = `
syntax = "proto2";
package k8s;
message Unknown { optional TypeMeta typeMeta = 1; optional bytes raw = 2; }
message TypeMeta { optional string apiVersion = 1; optional string kind = 2; }
message ResourceAttributes {
  optional string namespace = 1; optional string verb = 2; optional string group = 3; optional string version = 4;
  optional string resource = 5; optional string subresource = 6; optional string name = 7;
}
message NonResourceAttributes { optional string path = 1; optional string verb = 2; }
message SelfSubjectAccessReviewSpec { optional ResourceAttributes resourceAttributes = 1; optional NonResourceAttributes nonResourceAttributes = 2; }
message SelfSubjectAccessReview { optional SelfSubjectAccessReviewSpec spec = 2; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const MAGIC = Buffer.from('k8s\0', 'latin1');

/** The review in its JSON form, or an error message saying what was wrong with the body. */
export function decodeSsarProtobuf(body: Buffer): { ok: true; review: Record<string, unknown> } | { ok: false; message: string } {
  if (!body.subarray(0, 4).equals(MAGIC)) return { ok: false, message: 'protobuf body does not start with the k8s magic prefix' };
  try {
    const unknownType = root.lookupType('k8s.Unknown');
    const env = unknownType.toObject(unknownType.decode(body.subarray(4)), { bytes: Buffer }) as { typeMeta?: { kind?: string }; raw?: Buffer };
    if (env.typeMeta?.kind !== 'SelfSubjectAccessReview') return { ok: false, message: `cannot decode protobuf kind "${env.typeMeta?.kind ?? ''}"` };
    const t = root.lookupType('k8s.SelfSubjectAccessReview');
    return { ok: true, review: t.toObject(t.decode(env.raw ?? Buffer.alloc(0))) };
  } catch (e) {
    return { ok: false, message: `malformed protobuf body: ${e instanceof Error ? e.message : String(e)}` };
  }
}
