// @peculiar/x509 resolves its services through tsyringe, which needs a Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { webcrypto, X509Certificate as NodeX509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// ECDSA P-256 keeps key generation in the low milliseconds, so a pod (and the whole sandbox) is ready well under 2 s.
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface KeyAndCert {
  certPem: string;
  keyPem: string;
  /** Node's view of the certificate, for checks such as `checkIssued` and `verify`. */
  cert: NodeX509Certificate;
  keys: CryptoKeyPair;
}

const DAY_MS = 86_400_000;

async function newKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function finish(cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<KeyAndCert> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const certPem = cert.toString('pem');
  return {
    certPem,
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    cert: new NodeX509Certificate(certPem),
    keys,
  };
}

function validity(days: number): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  // Backdated a little so a client whose clock is slightly behind still accepts it.
  return { notBefore: new Date(now - 60_000), notAfter: new Date(now + days * DAY_MS) };
}

/** The hub's CA (what Karpor keeps in Secret `karpor-secret`): signs client certificates. */
export async function createCa(commonName: string): Promise<KeyAndCert> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${commonName}`,
    keys,
    signingAlgorithm: ALG,
    ...validity(3650),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return finish(cert, keys);
}

function escapeRdn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** A client certificate: Kubernetes reads the user from CN and the groups from O. */
export async function issueClientCert(ca: KeyAndCert, user: string, groups: readonly string[]): Promise<KeyAndCert> {
  const keys = await newKeys();
  const subject = [...groups.map((g) => `O=${escapeRdn(g)}`), `CN=${escapeRdn(user)}`].join(', ');
  const cert = await x509.X509CertificateGenerator.create({
    subject,
    issuer: ca.cert.subject.split('\n').join(', '),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
    ...validity(3650),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return finish(cert, keys);
}

/** The serving certificate Karpor makes for itself at every start: self-signed, localhost and 127.0.0.1. */
export async function createServingCert(): Promise<KeyAndCert> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=localhost',
    keys,
    signingAlgorithm: ALG,
    ...validity(365),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  return finish(cert, keys);
}

export interface CertIdentity {
  user: string;
  groups: string[];
}

/** Reads user (CN) and groups (every O) from a DER client certificate, as Kubernetes' x509 authenticator does. */
export function identityFromCert(der: Buffer): CertIdentity | undefined {
  const cert = new x509.X509Certificate(new Uint8Array(der));
  const user = cert.subjectName.getField('CN')[0];
  if (!user) return undefined;
  return { user, groups: cert.subjectName.getField('O') };
}
