import { createHash, randomBytes } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export interface WebhookOptions {
  key: string;
  secret: string;
  /** Change the body after signing it. */
  tamper?: (body: string) => string;
  /** Leave the Authorization header out. */
  unsigned?: boolean;
}

/**
 * The Authorization header LiveKit sends with a webhook: a JWT from the API key and secret
 * whose `sha256` claim is the base64 SHA-256 of the exact body bytes.
 */
export function signWebhook(body: string, key: string, secret: string): Promise<string> {
  const token = new AccessToken(key, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/** Posts a LiveKit webhook signed exactly as the server signs it (or deliberately not). */
export async function postWebhook(
  url: string,
  event: Record<string, unknown>,
  options: WebhookOptions,
) {
  const body = JSON.stringify({
    id: `EV_${randomBytes(8).toString('hex')}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    ...event,
  });
  const headers: Record<string, string> = { 'content-type': 'application/webhook+json' };
  if (!options.unsigned)
    headers.authorization = await signWebhook(body, options.key, options.secret);
  return fetch(url, {
    method: 'POST',
    headers,
    body: options.tamper ? options.tamper(body) : body,
  });
}

/** A participant event for a session's room at `at`. */
export function participantEvent(
  event: 'participant_joined' | 'participant_left' | 'participant_connection_aborted',
  sessionId: string,
  identity: string,
  sid: string,
  at: Date,
  id?: string,
) {
  return {
    ...(id ? { id } : {}),
    event,
    room: { name: `session-${sessionId}`, sid: 'RM_test' },
    participant: { identity, sid, name: identity.slice(0, 8), state: 'ACTIVE' },
    createdAt: String(Math.floor(at.getTime() / 1000)),
  };
}

export function roomEvent(event: 'room_started' | 'room_finished', sessionId: string, at: Date) {
  return {
    event,
    room: { name: `session-${sessionId}`, sid: 'RM_test' },
    createdAt: String(Math.floor(at.getTime() / 1000)),
  };
}

/**
 * Hands a webhook on as LiveKit sent it (the raw bytes and the server's signature); answers the
 * receiver's response, or undefined when nobody listens there any more.
 */
export function relayWebhook(
  target: string,
  headers: { 'content-type'?: string; authorization?: string },
  body: Buffer,
): Promise<Response | undefined> {
  return fetch(target, {
    method: 'POST',
    headers: {
      'content-type': headers['content-type'] ?? 'application/webhook+json',
      authorization: headers.authorization ?? '',
    },
    body,
  }).catch(() => undefined);
}
