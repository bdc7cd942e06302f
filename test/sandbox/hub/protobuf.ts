import protobuf from 'protobufjs';

/**
 * kubectl's typed creates arrive as Kubernetes protobuf (`k8s\0` + runtime.Unknown) and it never retries as JSON.
 * This schema covers only the kinds those commands send; field numbers are those of k8s.io/api's generated.proto.
 */
const SCHEMA = `
syntax = "proto2";
package k8s;

message Unknown { optional TypeMeta typeMeta = 1; optional bytes raw = 2; optional string contentEncoding = 3; optional string contentType = 4; }
message TypeMeta { optional string apiVersion = 1; optional string kind = 2; }

message ObjectMeta {
  optional string name = 1;
  optional string generateName = 2;
  optional string namespace = 3;
  map<string, string> labels = 11;
  map<string, string> annotations = 12;
}
message ObjectReference { optional string kind = 1; optional string namespace = 2; optional string name = 3; optional string uid = 4; optional string apiVersion = 5; }
message LocalObjectReference { optional string name = 1; }

message ServiceAccount {
  optional ObjectMeta metadata = 1;
  repeated ObjectReference secrets = 2;
  repeated LocalObjectReference imagePullSecrets = 3;
  optional bool automountServiceAccountToken = 4;
}

message NamespaceSpec { repeated string finalizers = 1; }
message Namespace { optional ObjectMeta metadata = 1; optional NamespaceSpec spec = 2; }

message Secret {
  optional ObjectMeta metadata = 1;
  map<string, bytes> data = 2;
  optional string type = 3;
  map<string, string> stringData = 4;
  optional bool immutable = 5;
}

message PolicyRule { repeated string verbs = 1; repeated string apiGroups = 2; repeated string resources = 3; repeated string resourceNames = 4; repeated string nonResourceURLs = 5; }
message Subject { optional string kind = 1; optional string apiGroup = 2; optional string name = 3; optional string namespace = 4; }
message RoleRef { optional string apiGroup = 1; optional string kind = 2; optional string name = 3; }
message Role { optional ObjectMeta metadata = 1; repeated PolicyRule rules = 2; }
message ClusterRole { optional ObjectMeta metadata = 1; repeated PolicyRule rules = 2; }
message RoleBinding { optional ObjectMeta metadata = 1; repeated Subject subjects = 2; optional RoleRef roleRef = 3; }
message ClusterRoleBinding { optional ObjectMeta metadata = 1; repeated Subject subjects = 2; optional RoleRef roleRef = 3; }

message BoundObjectReference { optional string kind = 1; optional string apiVersion = 2; optional string name = 3; optional string uid = 4; }
message TokenRequestSpec { repeated string audiences = 1; optional BoundObjectReference boundObjectRef = 3; optional int64 expirationSeconds = 4; }
message TokenRequest { optional ObjectMeta metadata = 1; optional TokenRequestSpec spec = 2; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const KINDS = ['ServiceAccount', 'Namespace', 'Secret', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'TokenRequest'];

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/**
 * Go's generated marshallers write empty strings for unset optional fields; the API server's JSON leaves them out
 * (`omitempty`). Array elements stay: `apiGroups: [""]` means the core group.
 */
function dropEmptyFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' ? dropEmptyFields(v) : v));
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || v === undefined || v === null) continue;
    out[k] = dropEmptyFields(v);
  }
  return out;
}

export type ProtobufDecode = { ok: true; object: Record<string, unknown> } | { ok: false; message: string };

/** Decodes a Kubernetes protobuf body into the object's JSON form (what a JSON client would have sent). */
export function decodeKubeProtobuf(body: Buffer): ProtobufDecode {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) return { ok: false, message: 'protobuf body does not start with the k8s magic prefix' };
  try {
    const unknown = root.lookupType('k8s.Unknown').decode(body.subarray(4));
    const env = root.lookupType('k8s.Unknown').toObject(unknown, { bytes: Buffer });
    const typeMeta = (env.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
    const kind = typeMeta.kind ?? '';
    if (!KINDS.includes(kind)) return { ok: false, message: `this server cannot decode protobuf kind "${kind}"; send JSON instead` };
    const raw = env.raw instanceof Buffer ? env.raw : Buffer.alloc(0);
    const type = root.lookupType(`k8s.${kind}`);
    const object = type.toObject(type.decode(raw), { longs: Number, bytes: String, defaults: false, arrays: false, objects: false });
    return { ok: true, object: { apiVersion: typeMeta.apiVersion, kind, ...(dropEmptyFields(object) as Record<string, unknown>) } };
  } catch (e) {
    return { ok: false, message: `malformed protobuf body: ${e instanceof Error ? e.message : String(e)}` };
  }
}
