// Karpor's "How to create token" guide, run verbatim with real kubectl against the whole sandbox: the hub kubeconfig
// comes from the host's ConfigMap, the hub is reached through `kubectl port-forward svc/karpor-server`.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlK } from './common/curl.ts';
import { kubectl } from './common/kubectl.ts';
import { freePort, startPortForward } from './common/kubectl-port-forward.ts';
import type { PortForwardProcess } from './common/kubectl-port-forward.ts';
import { startSandbox } from './index.ts';
import type { Sandbox } from './index.ts';

const HOUR = 3600;

function jwtClaims(token: string): { exp: number; iat: number; sub: string } {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number; iat: number; sub: string };
}

let sandbox: Sandbox;
let forward: PortForwardProcess;
let hubKubeconfig: string;
let hubUrl: string;

async function ok(kubeconfig: string, args: string[]): Promise<string> {
  const r = await kubectl(kubeconfig, args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code, `kubectl ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

beforeAll(async () => {
  const t0 = performance.now();
  sandbox = await startSandbox();
  const ms = performance.now() - t0;
  console.log(`startSandbox() ready in ${ms.toFixed(0)} ms`);
  expect(ms).toBeLessThan(2000);
});

afterAll(async () => {
  await forward?.stop();
  await sandbox?.stop();
});

describe("Karpor's token guide, verbatim, against the sandbox", () => {
  it('exports the hub kubeconfig from the ConfigMap with the go-template', async () => {
    const config = await ok(sandbox.kubeconfigPath, ['get', 'configmap', 'karpor-kubeconfig', '-n', 'karpor', '-o', 'go-template={{.data.config}}']);
    expect(config).toContain('server: https://karpor-server.karpor.svc:7443');
    expect(config).toContain('insecure-skip-tls-verify: true');
    expect(config).toContain('client-certificate-data:');
    // The guide's manual edit: point the server at the local end of the port-forward.
    const port = await freePort();
    hubUrl = `https://127.0.0.1:${port}`;
    hubKubeconfig = join(dirname(sandbox.kubeconfigPath), 'hub-kubeconfig');
    writeFileSync(hubKubeconfig, config.replace('https://karpor-server.karpor.svc:7443', hubUrl));

    forward = await startPortForward({
      kubeconfig: sandbox.kubeconfigPath,
      args: ['-n', 'karpor', 'port-forward', 'svc/karpor-server', `${port}:7443`],
      localPort: port,
    });
    expect(forward.output()).toContain(`Forwarding from 127.0.0.1:${port} -> 7443`);
  });

  it('curl -k reaches /livez and /rest-api/v1/authn through the port-forward', async () => {
    expect(await curlK(`${hubUrl}/livez`)).toEqual({ status: 200, body: 'ok' });
    const anonymous = await curlK(`${hubUrl}/rest-api/v1/authn`);
    expect(anonymous.status).toBe(200);
  });

  it('creates the accounts and bindings and a token that /rest-api/v1/authn accepts; a garbage token gets 401', async () => {
    expect(await ok(hubKubeconfig, ['create', 'serviceaccount', 'karpor-admin'])).toBe('serviceaccount/karpor-admin created\n');
    expect(await ok(hubKubeconfig, ['create', 'clusterrolebinding', 'karpor-admin', '--clusterrole=karpor-admin', '--serviceaccount=default:karpor-admin'])).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io/karpor-admin created\n',
    );
    expect(await ok(hubKubeconfig, ['create', 'serviceaccount', 'karpor-guest'])).toBe('serviceaccount/karpor-guest created\n');
    expect(await ok(hubKubeconfig, ['create', 'clusterrolebinding', 'karpor-guest', '--clusterrole=karpor-guest', '--serviceaccount=default:karpor-guest'])).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io/karpor-guest created\n',
    );
    const token = (await ok(hubKubeconfig, ['create', 'token', 'karpor-admin', '--duration=1000h'])).trim();
    const claims = jwtClaims(token);
    expect(claims.sub).toBe('system:serviceaccount:default:karpor-admin');
    expect(claims.exp - claims.iat).toBe(1000 * HOUR);

    const authn = await curlK(`${hubUrl}/rest-api/v1/authn`, { Authorization: `Bearer ${token}` });
    expect(authn.status).toBe(200);
    const garbage = await curlK(`${hubUrl}/rest-api/v1/authn`, { Authorization: 'Bearer garbage-token' });
    expect(garbage.status).toBe(401);
    expect(JSON.parse(garbage.body)).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
  });

  it('shortens a --duration=9000h token to the 8760h maximum and refuses --duration=5m', async () => {
    const long = (await ok(hubKubeconfig, ['create', 'token', 'karpor-admin', '--duration=9000h'])).trim();
    const c = jwtClaims(long);
    expect(c.exp - c.iat).toBe(8760 * HOUR);
    expect((await curlK(`${hubUrl}/rest-api/v1/authn`, { Authorization: `Bearer ${long}` })).status).toBe(200);

    const short = await kubectl(hubKubeconfig, ['create', 'token', 'karpor-admin', '--duration=5m']);
    expect(short.code).not.toBe(0);
    expect(short.stdout).toBe('');
    expect(short.stderr).toMatch(/may not specify a duration less than 10 minutes/);
  });

  it('kept one kubectl port-forward running for the whole guide', () => {
    expect(forward.child.exitCode).toBeNull();
    expect(forward.output()).not.toMatch(/error|lost connection/i);
  });
});
