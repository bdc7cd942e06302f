// The host kubeconfig the sandbox writes: its CA, and one context per kind of user the tests need, including an exec
// plugin (a tiny Node script printing an ExecCredential) so exec authentication is exercised for real.
import { chmodSync, writeFileSync } from 'node:fs';
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

export const CONTEXTS = ['sandbox', 'sandbox-limited', 'sandbox-noconfigmap', 'sandbox-exec'] as const;

export function writeHostKubeconfig(input: HostKubeconfigInput): void {
  const script = join(dirname(input.path), `${CONTEXTS[3]}-credential.mjs`);
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
    'current-context': CONTEXTS[0],
    clusters: [{ name: 'sandbox', cluster: { server: input.server, 'certificate-authority-data': b64(input.caPem) } }],
    contexts: CONTEXTS.map(context),
    users: [
      { name: CONTEXTS[0], user: { 'client-certificate-data': b64(input.admin.certPem), 'client-key-data': b64(input.admin.keyPem) } },
      { name: CONTEXTS[1], user: { token: input.limitedToken } },
      { name: CONTEXTS[2], user: { token: input.noConfigMapToken } },
      {
        name: CONTEXTS[3],
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
