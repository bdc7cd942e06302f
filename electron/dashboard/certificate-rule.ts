// Which certificate errors the dashboard window may accept. The hub serves a fresh self-signed
// certificate at every pod start, so there is nothing to pin in advance; what the app can vouch for
// is the exact certificate its own authenticated port-forward saw (the forward's health probe records
// its fingerprint). Anything else keeps Chromium's normal verification.
import { X509Certificate } from 'node:crypto';

export const DASHBOARD_HOST = '127.0.0.1';

export interface TrustedHubCertificate {
  /** The local end of the forward: only https://127.0.0.1:<localPort> may be trusted. */
  localPort: number;
  /** As Node's X509Certificate.fingerprint256 (colon-separated hex); null while the forward is not ready. */
  fingerprint256: string | null;
}

export type CertificateDecision = { trust: true } | { trust: false; reason: 'wrong-origin' | 'no-recorded-certificate' | 'fingerprint-mismatch' | 'unreadable-certificate' };

/** "AB:CD:..." and "abcd..." name the same digest; compare them in one form. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toLowerCase();
}

/** SHA-256 fingerprint of a PEM certificate (what Electron hands to `certificate-error`), or null if it does not parse. */
export function fingerprintOfPem(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : -1;
}

export function isDashboardOrigin(rawUrl: string, localPort: number): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname === DASHBOARD_HOST && effectivePort(url) === localPort && url.username === '' && url.password === '';
}

/**
 * Decide one certificate error. `certificateFingerprint256` is the fingerprint of the certificate the
 * page was served (null if it could not be read).
 */
export function decideCertificate(requestUrl: string, certificateFingerprint256: string | null, trusted: TrustedHubCertificate): CertificateDecision {
  if (!isDashboardOrigin(requestUrl, trusted.localPort)) return { trust: false, reason: 'wrong-origin' };
  if (trusted.fingerprint256 === null || normalizeFingerprint(trusted.fingerprint256).length !== 64) return { trust: false, reason: 'no-recorded-certificate' };
  if (certificateFingerprint256 === null) return { trust: false, reason: 'unreadable-certificate' };
  if (normalizeFingerprint(certificateFingerprint256) !== normalizeFingerprint(trusted.fingerprint256)) return { trust: false, reason: 'fingerprint-mismatch' };
  return { trust: true };
}
