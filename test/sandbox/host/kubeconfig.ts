// The host kubeconfig the sandbox writes: its CA, and one context per kind of user the tests need, including an exec
// plugin (a tiny Node script printing an ExecCredential) so exec authentication is exercised for real.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';

export interface HostKubeconfigInput {
  path: string;
  server: string;
  caPem: string;
  admin: { certPem: string; keyPem: string };
  limitedToken: string;
  noConfigMapToken: string;
  execToken: string;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

export const ADMIN_CONTEXT = 'sandbox';
export const LIMITED_CONTEXT = 'sandbox-limited';
export const NOCONFIGMAP_CONTEXT = 'sandbox-noconfigmap';
export const EXEC_CONTEXT = 'sandbox-exec';

export function writeHostKubeconfig(input: HostKubeconfigInput): void {
  // `--kubeconfig-out` may name a folder that does not exist yet, as kubectl's --kubeconfig outputs may.
  mkdirSync(dirname(input.path), { recursive: true });
  const script = join(dirname(input.path), `${EXEC_CONTEXT}-credential.mjs`);
  const credential = {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: { token: input.execToken },
  };
  writeFileSync(script, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`, { mode: 0o600 });
  chmodSync(script, 0o600);

  const context = (name: string): Record<string, unknown> => ({ name, context: { cluster: 'sandbox', user: name } });
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': ADMIN_CONTEXT,
    clusters: [{ name: 'sandbox', cluster: { server: input.server, 'certificate-authority-data': b64(input.caPem) } }],
    contexts: [ADMIN_CONTEXT, LIMITED_CONTEXT, NOCONFIGMAP_CONTEXT, EXEC_CONTEXT].map(context),
    users: [
      { name: ADMIN_CONTEXT, user: { 'client-certificate-data': b64(input.admin.certPem), 'client-key-data': b64(input.admin.keyPem) } },
      { name: LIMITED_CONTEXT, user: { token: input.limitedToken } },
      { name: NOCONFIGMAP_CONTEXT, user: { token: input.noConfigMapToken } },
      {
        name: EXEC_CONTEXT,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            // Absolute path of the running Node: the plugin must not depend on whichever `node` is first on PATH.
            command: process.execPath,
            args: [script],
            interactiveMode: 'Never',
            provideClusterInfo: false,
          },
        },
      },
    ],
  };
  writeFileSync(input.path, stringify(doc), { mode: 0o600 });
  chmodSync(input.path, 0o600);
}
