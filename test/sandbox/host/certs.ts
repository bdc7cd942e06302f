// The host cluster's PKI: one CA signs the API server's serving certificate and the admin's client certificate.
// CA and client certificates come from the hub's helpers; only the CA-signed serving certificate is host-specific.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { createCa, issueClientCert } from '../hub/certs.ts';
import type { KeyAndCert } from '../hub/certs.ts';

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface PemPair {
  certPem: string;
  keyPem: string;
}

export interface HostPki {
  ca: PemPair;
  server: PemPair;
  admin: PemPair;
}

async function issueServingCert(ca: KeyAndCert): Promise<PemPair> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    subject: 'CN=kube-apiserver',
    issuer: ca.cert.subject.split('\n').join(', '),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 86_400_000),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'dns', value: 'kubernetes.default.svc' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: cert.toString('pem'), keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
}

export async function createHostPki(admin: { user: string; groups: string[] }): Promise<HostPki> {
  const ca = await createCa('sandbox-kubernetes-ca');
  const [server, adminCert] = await Promise.all([issueServingCert(ca), issueClientCert(ca, admin.user, admin.groups)]);
  return { ca: { certPem: ca.certPem, keyPem: ca.keyPem }, server, admin: { certPem: adminCert.certPem, keyPem: adminCert.keyPem } };
}
