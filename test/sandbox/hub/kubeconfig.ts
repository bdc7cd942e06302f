import { stringify } from 'yaml';

/** The hub kubeconfig exactly as Karpor's cert-generator writes it into ConfigMap `karpor-kubeconfig` (key `config`). */
export function hubKubeconfigYaml(server: string, clientCertPem: string, clientKeyPem: string): string {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'karpor', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'karpor', user: { 'client-certificate-data': b64(clientCertPem), 'client-key-data': b64(clientKeyPem) } }],
    contexts: [{ name: 'default', context: { cluster: 'karpor', user: 'karpor' } }],
    'current-context': 'default',
    preferences: {},
  });
}
