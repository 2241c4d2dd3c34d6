/**
 * A certificate for serving the double over TLS on 127.0.0.1, made at run
 * time (nothing secret is kept in the repository). Clients trust it by
 * adding `cert` as a certificate authority: it signs itself.
 */
import { generate } from "selfsigned";

export interface TlsMaterial {
  /** PEM private key. */
  key: string;
  /** PEM certificate, CN and IP SAN 127.0.0.1, valid for a day. */
  cert: string;
}

export async function loopbackCertificate(): Promise<TlsMaterial> {
  const now = Date.now();
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 24 * 3600_000),
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
