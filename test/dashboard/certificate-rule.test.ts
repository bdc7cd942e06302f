import { beforeAll, describe, expect, it } from 'vitest';
import { createServingCert, type KeyAndCert } from '../sandbox/hub/certs.ts';
import { decideCertificate, fingerprintOfPem, normalizeFingerprint } from '../../electron/dashboard/certificate-rule.ts';

// Two real certificates, as two hub pod starts would produce them.
let seen: KeyAndCert;
let other: KeyAndCert;
beforeAll(async () => {
  [seen, other] = await Promise.all([createServingCert(), createServingCert()]);
});

describe('certificate rule', () => {
  const trusted = () => ({ localPort: 7443, fingerprint256: seen.cert.fingerprint256 });

  it('trusts the certificate the forward saw, on 127.0.0.1:<local port> only', () => {
    const fp = fingerprintOfPem(seen.certPem);
    expect(fp).toBe(seen.cert.fingerprint256);
    expect(decideCertificate('https://127.0.0.1:7443/', fp, trusted())).toEqual({ trust: true });
    expect(decideCertificate('https://127.0.0.1:7443/rest-api/v1/authn', fp, trusted())).toEqual({ trust: true });
  });

  it('accepts the fingerprint in either spelling (colon upper hex or bare lower hex)', () => {
    const bare = normalizeFingerprint(seen.cert.fingerprint256);
    expect(bare).toMatch(/^[0-9a-f]{64}$/);
    expect(decideCertificate('https://127.0.0.1:7443/', bare, trusted())).toEqual({ trust: true });
  });

  it('refuses a different certificate on the right origin (a new pod the forward has not probed, or an impostor)', () => {
    expect(decideCertificate('https://127.0.0.1:7443/', other.cert.fingerprint256, trusted())).toEqual({ trust: false, reason: 'fingerprint-mismatch' });
  });

  it('refuses the right certificate anywhere else', () => {
    const fp = seen.cert.fingerprint256;
    for (const url of [
      'https://127.0.0.1:7444/',
      'https://localhost:7443/',
      'https://127.0.0.2:7443/',
      'https://[::1]:7443/',
      'https://127.0.0.1/',
      'http://127.0.0.1:7443/',
      'wss://127.0.0.1:7443/',
      'https://user:pw@127.0.0.1:7443/',
      'https://evil.example/',
      'not a url',
    ]) {
      expect(decideCertificate(url, fp, trusted()), url).toEqual({ trust: false, reason: 'wrong-origin' });
    }
  });

  it('trusts nothing while the forward has recorded no certificate', () => {
    expect(decideCertificate('https://127.0.0.1:7443/', seen.cert.fingerprint256, { localPort: 7443, fingerprint256: null })).toEqual({ trust: false, reason: 'no-recorded-certificate' });
    expect(decideCertificate('https://127.0.0.1:7443/', '', { localPort: 7443, fingerprint256: '' })).toEqual({ trust: false, reason: 'no-recorded-certificate' });
  });

  it('refuses a certificate that cannot be read', () => {
    expect(fingerprintOfPem('-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----')).toBeNull();
    expect(decideCertificate('https://127.0.0.1:7443/', null, trusted())).toEqual({ trust: false, reason: 'unreadable-certificate' });
  });
});
