import { createServer, type Server } from 'node:http';
import { buffer } from 'node:stream/consumers';
import {
  AccessToken,
  type ParticipantInfo,
  type Room,
  RoomServiceClient,
} from 'livekit-server-sdk';
import type { TestLivekitServer } from './livekit-server.main.js';
import { listenOnLoopback } from './ports.js';

/** The run's real LiveKit server, started once by the global set-up. */
export function testLivekitServer(): TestLivekitServer {
  const description = process.env.HEARTH_TEST_LIVEKIT;
  if (!description) {
    throw new Error(
      'HEARTH_TEST_LIVEKIT is unset: run the tests with `npm test` (its set-up starts LiveKit)',
    );
  }
  return JSON.parse(description) as TestLivekitServer;
}

export interface GatewayCall {
  method: string;
  body: Record<string, unknown>;
  status: number;
}

/**
 * A deployment's way to the run's real LiveKit server: its LIVEKIT_URL. It hands every
 * RoomService call to the real server unchanged, and before a CreateRoom it registers the room
 * with the run's webhook router, so the server's webhooks for that room come to this
 * deployment's api. It records the calls it passed on, and can fail a method on demand
 * (`failures`): the one fault the real server cannot produce when a test needs it.
 */
export class LiveKitGateway {
  readonly server = testLivekitServer();
  /** Ask the real server directly (assertions only; the apps go through `url`). */
  readonly rooms = new RoomServiceClient(
    this.server.url,
    this.server.apiKey,
    this.server.apiSecret,
  );
  readonly calls: GatewayCall[] = [];
  /** Method name → how many of its next calls answer 503 instead of reaching the server. */
  readonly failures = new Map<string, number>();
  private readonly createdRooms = new Set<string>();
  private http?: Server;
  url = '';
  /** The deployment's webhook route; set once its api listens. */
  webhookUrl = '';

  get apiKey(): string {
    return this.server.apiKey;
  }
  get apiSecret(): string {
    return this.server.apiSecret;
  }
  /** The URL clients connect to: the real server's WebSocket. */
  get wsUrl(): string {
    return this.server.wsUrl;
  }

  async start(): Promise<this> {
    this.http = createServer((request, response) => {
      void (async () => {
        const raw = await buffer(request);
        const method = request.url?.split('/').at(-1) ?? '';
        const body = raw.length
          ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>)
          : {};
        const failing = this.failures.get(method) ?? 0;
        if (failing > 0) {
          this.failures.set(method, failing - 1);
          this.calls.push({ method, body, status: 503 });
          response
            .writeHead(503, { 'content-type': 'application/json' })
            .end(JSON.stringify({ code: 'unavailable', msg: 'failed on purpose by the test' }));
          return;
        }
        if (method === 'CreateRoom' && typeof body.name === 'string') {
          await this.route(body.name);
        }
        const answer = await fetch(`${this.server.url}${request.url}`, {
          method: 'POST',
          headers: {
            'content-type': request.headers['content-type'] ?? 'application/json',
            authorization: request.headers.authorization ?? '',
          },
          body: raw,
        });
        this.calls.push({ method, body, status: answer.status });
        response.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        });
        response.end(Buffer.from(await answer.arrayBuffer()));
      })().catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 'internal', msg: String(error) }));
      });
    });
    this.url = await listenOnLoopback(this.http);
    return this;
  }

  /** Sends the server's webhooks for `room` to this deployment. */
  async route(room: string): Promise<void> {
    if (this.createdRooms.has(room)) return;
    if (!this.webhookUrl) throw new Error('the gateway has no webhook URL yet');
    const response = await fetch(this.server.routerUrl, {
      method: 'POST',
      body: JSON.stringify({ room, webhookUrl: this.webhookUrl }),
    });
    if (response.status !== 204) throw new Error(`the webhook router refused ${room}`);
    this.createdRooms.add(room);
  }

  callsTo(method: string): GatewayCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The room as the real server has it, or undefined. */
  async room(name: string): Promise<Room | undefined> {
    return (await this.rooms.listRooms([name])).find((room) => room.name === name);
  }

  /**
   * Who the real server has in `room` right now (hidden and joining ones included; an unknown
   * room answers an empty list).
   */
  participants(room: string): Promise<ParticipantInfo[]> {
    return this.rooms.listParticipants(room);
  }

  async participant(room: string, identity: string): Promise<ParticipantInfo | undefined> {
    return (await this.participants(room)).find((p) => p.identity === identity);
  }

  /** A token of our own for a test client that is not a Hearth member (a spy in the room). */
  token(room: string, identity: string, grants: Record<string, unknown> = {}): Promise<string> {
    const token = new AccessToken(this.apiKey, this.apiSecret, { identity, ttl: '10m' });
    token.addGrant({ roomJoin: true, room, ...grants });
    return token.toJwt();
  }

  /** Deletes the rooms this deployment made that are still open, so none outlives its test file. */
  async close(): Promise<void> {
    for (const room of this.createdRooms) await this.rooms.deleteRoom(room).catch(() => undefined);
    await new Promise<void>((resolve) =>
      this.http ? this.http.close(() => resolve()) : resolve(),
    );
  }
}
