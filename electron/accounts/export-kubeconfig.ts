// A kubeconfig for kubectl against the hub as one account, through the local forward. It holds a bearer
// token, so it is written owner-only, like the vault.
import { open } from 'node:fs/promises';
import type { HubCredentials } from './hub-credentials.ts';
import { stringify } from 'yaml';

export interface TokenKubeconfigInput {
  /** e.g. https://127.0.0.1:7443 (the forward's local address). */
  server: string;
  account: string;
  namespace: string;
  token: string;
}

export function tokenKubeconfigYaml(input: TokenKubeconfigInput): string {
  const user = `${input.namespace}-${input.account}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // Skipped as in Karpor's own kubeconfig: the hub's certificate is self-signed and new at every start.
    clusters: [{ name: 'karpor', cluster: { server: input.server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [{ name: `karpor-${user}`, context: { cluster: 'karpor', user, namespace: input.namespace } }],
    'current-context': `karpor-${user}`,
    preferences: {},
  });
}

/** Writes text readable by the owner only, also when the file existed with a wider mode. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    await file.chmod(0o600); // narrow an existing file before the secret is in it
    await file.writeFile(text, 'utf8');
  } finally {
    await file.close();
  }
}

/** The hub's own kubeconfig (superuser credentials), re-pointed at `server`: what the guide's manual edit makes. */
export function hubKubeconfigYaml(creds: HubCredentials, server: string): string {
  const user = creds.user.kind === 'cert' ? { 'client-certificate-data': creds.user.certData, 'client-key-data': creds.user.keyData } : { token: creds.user.token };
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'karpor', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'karpor', user }],
    contexts: [{ name: 'default', context: { cluster: 'karpor', user: 'karpor' } }],
    'current-context': 'default',
    preferences: {},
  });
}
