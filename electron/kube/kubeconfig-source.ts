// Reads the kubeconfig kubectl would use and answers what the app needs from it (contexts, a
// KubeConfig for one profile), with errors that name the file and the problem but never echo its
// contents: a kubeconfig holds client keys and tokens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { parseDocument } from 'yaml';
import { AppError } from '../ipc/app-error.ts';
import { resolveKubeconfigFiles, type KubeconfigLocation } from './kubeconfig-files.ts';
import { guardExecPlugins } from '../desktop/exec-plugin-guard.ts';

export interface KubeContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  server?: string;
}

export interface KubeContexts {
  files: string[];
  currentContext: string | null;
  contexts: KubeContextInfo[];
}

export interface KubeconfigSourceOptions {
  homeDir: string;
  /** Read at every call (not once), so KUBECONFIG changes made by the CLI or tests are seen. */
  getEnv?: () => { KUBECONFIG?: string | undefined };
  delimiter?: string;
}

export interface KubeconfigSource {
  locate(explicitPath?: string | null): KubeconfigLocation;
  load(explicitPath?: string | null): { kubeConfig: KubeConfig; files: string[] };
  listContexts(explicitPath?: string | null): KubeContexts;
  /** Throws KUBECONFIG_INVALID unless `context` exists (with its cluster) in the kubeconfig. */
  assertContext(explicitPath: string | null, context: string): void;
  /** The merged kubeconfig with `context` made current: what a profile connects with. */
  kubeConfigFor(explicitPath: string | null, context: string): KubeConfig;
}

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const invalid = (message: string, hint: string): AppError => new AppError('KUBECONFIG_INVALID', message, { hint });

export function createKubeconfigSource(options: KubeconfigSourceOptions): KubeconfigSource {
  const getEnv = options.getEnv ?? (() => process.env);

  const locate = (explicitPath?: string | null): KubeconfigLocation =>
    resolveKubeconfigFiles({ explicitPath, kubeconfigEnv: getEnv().KUBECONFIG, homeDir: options.homeDir, delimiter: options.delimiter });

  const load = (explicitPath?: string | null): { kubeConfig: KubeConfig; files: string[] } => {
    const location = locate(explicitPath);
    const loaded: { file: string; kubeConfig: KubeConfig }[] = [];
    for (const file of location.files) {
      const kubeConfig = readKubeconfigFile(file, location);
      if (kubeConfig) loaded.push({ file, kubeConfig });
    }
    if (loaded.length === 0) {
      // Only a KUBECONFIG list gets here: kubectl skips its missing files, but not all of them.
      throw invalid(`None of the files listed in KUBECONFIG exist (${location.files.join(', ')}).`,
        'Fix the KUBECONFIG environment variable, or choose a kubeconfig file explicitly.');
    }
    const files = loaded.map((l) => l.file);
    const kubeConfig = mergeLikeKubectl(loaded.map((l) => l.kubeConfig));
    if (kubeConfig.getContexts().length === 0) {
      throw invalid(files.length === 1 ? `Kubeconfig file ${files[0]} defines no contexts.` : `The kubeconfig files ${files.join(', ')} define no contexts.`,
        'Add a context (kubectl config set-context NAME --cluster=... --user=...) or choose the kubeconfig your cluster provider gave you.');
    }
    // Every client the app and the CLI build comes from here: an exec credential plugin that hangs
    // or fails must end with its stderr and a time limit, not stall every request.
    guardExecPlugins(kubeConfig);
    return { kubeConfig, files };
  };

  const findContext = (explicitPath: string | null, context: string): { kubeConfig: KubeConfig; files: string[]; ctx: Context } => {
    const { kubeConfig, files } = load(explicitPath);
    const where = files.join(', ');
    const ctx = kubeConfig.getContextObject(context);
    if (!ctx) {
      const names = kubeConfig.getContexts().map((c) => c.name);
      throw invalid(`Context "${context}" is not defined in ${where}.`,
        `Choose one of the contexts it defines: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}.`);
    }
    if (!kubeConfig.getCluster(ctx.cluster)) {
      throw invalid(`Context "${context}" in ${where} refers to cluster "${ctx.cluster}", which is not defined there.`,
        'Fix the context (kubectl config set-context) or choose another one.');
    }
    return { kubeConfig, files, ctx };
  };

  return {
    locate,
    load,
    listContexts(explicitPath) {
      const { kubeConfig, files } = load(explicitPath);
      const contexts = kubeConfig.getContexts().map((ctx): KubeContextInfo => {
        const server = kubeConfig.getCluster(ctx.cluster)?.server;
        return {
          name: ctx.name,
          cluster: ctx.cluster,
          user: ctx.user,
          ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
          ...(server ? { server: withoutUserInfo(server) } : {}),
        };
      });
      const current = kubeConfig.getCurrentContext();
      return { files, currentContext: contexts.some((c) => c.name === current) ? current : null, contexts };
    },
    assertContext(explicitPath, context) {
      findContext(explicitPath, context);
    },
    kubeConfigFor(explicitPath, context) {
      const { kubeConfig } = findContext(explicitPath, context);
      kubeConfig.setCurrentContext(context);
      return kubeConfig;
    },
  };
}

/** One file as a KubeConfig; `null` for a missing file kubectl would skip (a KUBECONFIG list entry). */
function readKubeconfigFile(file: string, location: KubeconfigLocation): KubeConfig | null {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_FILE_BYTES) throw invalid(`Kubeconfig file ${file} is too large to be a kubeconfig (over 16 MB).`, 'Choose the kubeconfig file itself.');
    text = bytes.toString('utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && location.source === 'env') return null;
    if (code === 'ENOENT') {
      throw location.source === 'home'
        ? invalid(`No kubeconfig found: ${file} does not exist and KUBECONFIG is not set.`,
          'Create one with your cluster provider\'s CLI, set KUBECONFIG, or choose a kubeconfig file.')
        : invalid(`Kubeconfig file ${file} does not exist.`, 'Check the path, or choose another kubeconfig file.');
    }
    if (code === 'EISDIR') throw invalid(`Kubeconfig path ${file} is a directory, not a file.`, 'Choose the kubeconfig file inside it (often "config").');
    if (code === 'EACCES' || code === 'EPERM') throw invalid(`Kubeconfig file ${file} cannot be read (permission denied).`, `Make it readable by your user (chmod u+r ${file}).`);
    throw invalid(`Kubeconfig file ${file} cannot be read (${code ?? 'unknown error'}).`, 'Check the file, or choose another kubeconfig file.');
  }

  const fixHint = `Fix the file or choose another one; "kubectl config view --kubeconfig ${file}" shows what kubectl makes of it.`;
  const doc = parseDocument(text);
  const yamlError = doc.errors[0];
  if (yamlError) {
    // The parser's own message quotes the offending line, which may hold a key: report only where.
    const pos = yamlError.linePos?.[0];
    throw invalid(`Kubeconfig file ${file} is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}.`, fixHint);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) throw invalid(`Kubeconfig file ${file} is empty.`, 'Choose a kubeconfig that defines at least one context, such as the one kubectl uses.');
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`Kubeconfig file ${file} is not a kubeconfig (expected a YAML mapping with clusters, users and contexts).`, fixHint);
  }

  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(text);
  } catch (err) {
    // client-node's structural messages ("contexts[0].context.cluster is missing") are safe to show; nothing else is.
    const message = err instanceof Error ? err.message : '';
    const detail = /^[\w[\].-]+ is missing$/.test(message) ? `: ${message}` : '';
    throw invalid(`Kubeconfig file ${file} is not a valid kubeconfig${detail}.`, fixHint);
  }
  // As loadFromFile does: certificate and key file paths are relative to the kubeconfig's folder.
  kubeConfig.makePathsAbsolute(path.dirname(file));
  return kubeConfig;
}

/**
 * client-node's mergeConfig throws on a name that two files both define and lets the LAST file's
 * current-context win; kubectl keeps the first definition of each name and the first
 * current-context. Merge by hand so the app sees what kubectl sees.
 */
function mergeLikeKubectl(configs: KubeConfig[]): KubeConfig {
  if (configs.length === 1 && configs[0]) return configs[0];
  const firstByName = <T extends { name: string }>(lists: T[][]): T[] => {
    const seen = new Map<string, T>();
    for (const item of lists.flat()) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: firstByName<Cluster>(configs.map((c) => c.getClusters())),
    users: firstByName<User>(configs.map((c) => c.getUsers())),
    contexts: firstByName<Context>(configs.map((c) => c.getContexts())),
    currentContext: configs.map((c) => c.getCurrentContext()).find((name) => !!name) ?? '',
  });
  return merged;
}

/** A server URL may carry user:password (rare, but then it is a credential). */
function withoutUserInfo(server: string): string {
  try {
    const url = new URL(server);
    if (!url.username && !url.password) return server;
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return server;
  }
}
