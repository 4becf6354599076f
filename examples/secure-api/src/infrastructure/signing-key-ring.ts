import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

/** The one signature algorithm this service issues and accepts (ECDSA P-256; EdDSA would do as well). */
export const SIGNING_ALGORITHM = "ES256";

/** A signing key: its id (the JWT header's `kid`), the private half, and the public half as a JWK. */
export type SigningKey = { readonly kid: string; readonly privateKey: CryptoKey; readonly publicJwk: JWK };

/**
 * The key set. The newest key signs; every key still in the set verifies, so tokens signed before a rotation
 * stay valid until their key is retired (wait at least one access-token lifetime). The public halves are what
 * /.well-known/jwks.json publishes, so other services verify without holding any secret.
 */
export class SigningKeyRing {
  private keys: SigningKey[] = [];

  /** Generates a new key and makes it the signing key. */
  async rotate(kid: string): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    return this.add({ kid, privateKey, publicJwk: await exportJWK(publicKey) });
  }

  /** Adds a key loaded from elsewhere (a secret manager; the seed key in development) as the signing key. */
  async load(kid: string, privateJwk: JWK): Promise<SigningKey> {
    const privateKey = (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey;
    const { d: _private, ...publicJwk } = privateJwk;
    return this.add({ kid, privateKey, publicJwk });
  }

  /** Removes a key: tokens it signed stop verifying. */
  retire(kid: string): void {
    this.keys = this.keys.filter((key) => key.kid !== kid);
  }

  /** The key that signs new tokens. */
  current(): SigningKey {
    const key = this.keys.at(-1);
    if (key === undefined) throw new Error("The key ring is empty: rotate() or load() a key first");
    return key;
  }

  /** The public keys, as a JSON Web Key Set. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => ({ ...key.publicJwk, kid: key.kid, alg: SIGNING_ALGORITHM, use: "sig" })) };
  }

  private add(key: SigningKey): SigningKey {
    this.keys = [...this.keys.filter((existing) => existing.kid !== key.kid), key];
    return key;
  }
}
