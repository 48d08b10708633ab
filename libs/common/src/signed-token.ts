import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from './validation.js';

/**
 * Tokens of the form `<uuid>.<HMAC>` for links that must work without storing a secret:
 * invitation links, e-mail verification, calendar feeds. Each purpose derives its own key from
 * the application secret, and `bound` ties a token to state (a version, an address) so that
 * changing that state voids the tokens made before.
 */
export class SignedTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(id: string, bound = ''): string {
    return `${id}.${this.mac(id, bound).toString('base64url')}`;
  }

  /** The id a well-formed token names (not yet checked: the caller loads what it binds to). */
  idOf(token: string): string | null {
    const [id, mac, ...rest] = token.split('.');
    return isUuid(id) && mac && rest.length === 0 ? id : null;
  }

  /** Whether `token` was made by `sign(id, bound)`. */
  verify(token: string, id: string, bound = ''): boolean {
    if (this.idOf(token) !== id) return false;
    const given = Buffer.from(token.split('.')[1], 'base64url');
    const expected = this.mac(id, bound);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(id: string, bound: string): Buffer {
    return createHmac('sha256', this.key).update(`${id}:${bound}`).digest();
  }
}

/**
 * A page link carrying `token` in the URL fragment, which browsers never send to a server, so it
 * stays out of access logs and Referer headers.
 */
export function linkWithToken(publicUrl: string, path: string, token: string): string {
  const link = new URL(path, publicUrl);
  link.hash = `token=${token}`;
  return link.toString();
}
