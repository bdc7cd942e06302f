// Real kubeconfig files in a temp folder, good and bad, for tests of everything that reads them.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A credential that must never show up in any message, log or file we write. */
export const SECRET_TOKEN = 'sekret-token-0123456789abcdef';

export function kubeconfigYaml(opts: { contexts?: { name: string; cluster?: string; namespace?: string }[]; current?: string; server?: string } = {}): string {
  const contexts = opts.contexts ?? [{ name: 'kind-karpor', namespace: 'default' }, { name: 'prod' }];
  const clusters = [...new Set(contexts.map((c) => c.cluster ?? `${c.name}-cluster`))];
  return [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${opts.current ?? contexts[0]?.name ?? ''}`,
    'clusters:',
    ...clusters.flatMap((name) => [`- name: ${name}`, '  cluster:', `    server: ${opts.server ?? 'https://127.0.0.1:6443'}`, '    insecure-skip-tls-verify: true']),
    'users:',
    '- name: admin',
    '  user:',
    `    token: ${SECRET_TOKEN}`,
    'contexts:',
    ...contexts.flatMap((c) => [`- name: ${c.name}`, '  context:', `    cluster: ${c.cluster ?? `${c.name}-cluster`}`, '    user: admin', ...(c.namespace ? [`    namespace: ${c.namespace}`] : [])]),
    '',
  ].join('\n');
}

export interface TempDir {
  dir: string;
  write(name: string, content: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'karpor-test-'): TempDir {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Kubeconfigs that must each be refused with KUBECONFIG_INVALID, and the words the message must contain. */
export const badKubeconfigs: { name: string; content: string; says: RegExp }[] = [
  { name: 'empty', content: '', says: /is empty/ },
  { name: 'comments-only', content: '# nothing here\n', says: /is empty/ },
  { name: 'not-yaml', content: `clusters: [\n  token: ${SECRET_TOKEN}: : :\n`, says: /is not valid YAML \(line \d+, column \d+\)/ },
  { name: 'a-list', content: '- a\n- b\n', says: /is not a kubeconfig/ },
  { name: 'no-contexts', content: 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n', says: /defines no contexts/ },
  { name: 'broken-context', content: 'apiVersion: v1\ncontexts:\n- name: x\n  context:\n    user: u\n', says: /is not a valid kubeconfig: contexts\[0\]\.context\.cluster is missing/ },
];
