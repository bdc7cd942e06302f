// client-node's ApiException embeds response bodies and headers in its message; what we surface must not.
import { describe, expect, it } from 'vitest';
import { ApiException } from '@kubernetes/client-node';
import { scrubSecrets, toAppError } from '../../electron/accounts/hub-errors.ts';
import { AppError } from '../../electron/ipc/app-error.ts';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDp4In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('hub errors', () => {
  it('keeps the status and the server explanation, drops bodies, headers and credentials', () => {
    const err = new ApiException(
      403,
      'Unknown API Status Code!',
      { kind: 'Status', message: `serviceaccounts is forbidden: token ${jwt} may not create`, reason: 'Forbidden', code: 403 },
      { authorization: 'Bearer super-secret-value', 'set-cookie': 'session=abc' },
    );
    expect(err.message).toContain('super-secret-value'); // the reason this module exists
    const app = toAppError(err, 'creating ServiceAccount default/x', 'the Karpor hub');
    expect(app).toBeInstanceOf(AppError);
    expect(app.code).toBe('FORBIDDEN');
    expect(app.message).toMatch(/^the Karpor hub answered 403 while creating ServiceAccount default\/x: serviceaccounts is forbidden/);
    expect(app.message).not.toContain(jwt.split('.')[2]);
    expect(app.message).not.toContain('super-secret-value');
    expect(app.message).not.toContain('session=abc');
    expect(app.hint).toMatch(/RBAC permission/);
  });

  it('maps statuses to codes and network failures to UNAVAILABLE', () => {
    const code = (status: number) => toAppError(new ApiException(status, 'x', undefined, {}), 'a', 'b').code;
    expect([400, 401, 404, 409, 422, 500, 504].map(code)).toEqual(['BAD_REQUEST', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT', 'BAD_REQUEST', 'UNAVAILABLE', 'TIMEOUT']);
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7443'), { code: 'ECONNREFUSED' }) });
    expect(toAppError(refused, 'listing ServiceAccounts', 'the Karpor hub')).toMatchObject({ code: 'UNAVAILABLE', message: 'the Karpor hub is not reachable (ECONNREFUSED) while listing ServiceAccounts' });
  });

  it('scrubs PEM blocks, bearer values and long base64 runs', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
    const text = scrubSecrets(`key ${pem} Authorization: Bearer abc.def-ghi data ${'A'.repeat(80)} ok`);
    expect(text).toBe('key [redacted PEM] Authorization: Bearer [redacted] data [redacted] ok');
  });
});
