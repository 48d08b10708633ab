import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ClaimGrants, TokenVerifier } from 'livekit-server-sdk';
import { postWebhook } from './webhooks.js';

/**
 * A stand-in for the LiveKit server's RoomService, for tests and local demos where no LiveKit
 * server can run. It speaks the Twirp JSON protocol the real livekit-server-sdk uses
 * (`POST /twirp/livekit.RoomService/<Method>`), checks the bearer JWT and the grant each method
 * needs exactly as the server does, keeps rooms and participants in memory, and copies the server
 * behaviour Hearth relies on (see shared/LIVEKIT.md): idempotent CreateRoom, 404s for missing
 * rooms and participants, UpdateParticipant replacing the whole permission set, remote unmute
 * refused, rooms never created by a join (auto_create off). It can also post webhooks signed as
 * the server signs them. Browsers' signalling attempts (`/rtc`) are recorded, not served.
 */

export interface StandinTrack {
  sid: string;
  type: 'AUDIO' | 'VIDEO';
  source: 'MICROPHONE' | 'CAMERA' | 'SCREEN_SHARE';
  name: string;
  muted: boolean;
}

export interface StandinParticipant {
  sid: string;
  identity: string;
  name: string;
  state: 'ACTIVE';
  joinedAt: string;
  tracks: StandinTrack[];
  permission: Record<string, unknown>;
}

export interface StandinRoom {
  sid: string;
  name: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  creationTime: string;
  metadata: string;
}

export interface StandinCall {
  method: string;
  body: Record<string, unknown>;
  status: number;
}

class TwirpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ADMIN_METHODS = new Set([
  'ListParticipants',
  'GetParticipant',
  'RemoveParticipant',
  'MutePublishedTrack',
  'UpdateParticipant',
  'SendData',
  'UpdateRoomMetadata',
]);

const sid = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export class LiveKitStandin {
  readonly rooms = new Map<string, StandinRoom>();
  readonly participants = new Map<string, Map<string, StandinParticipant>>();
  readonly calls: StandinCall[] = [];
  /** Browser signalling attempts: path and the token's decoded claims when it verified. */
  readonly rtcRequests: { path: string; claims?: ClaimGrants }[] = [];
  allowRemoteUnmute = false;
  /** Methods that fail with a 503 for their next N calls, to exercise retries. */
  readonly failures = new Map<string, number>();
  private server?: Server;
  private readonly verifier: TokenVerifier;
  port = 0;

  constructor(
    readonly apiKey: string,
    readonly apiSecret: string,
  ) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.reply(response, 500, { code: 'internal', msg: String(error) });
      });
    });
    // Browsers open a WebSocket to /rtc: record who tried, then refuse (there is no media here).
    this.server.on('upgrade', (request: IncomingMessage, socket) => {
      void this.recordRtc(request).finally(() => socket.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A participant connects, as a browser would after getting a token. */
  join(room: string, identity: string, name = identity, tracks: Omit<StandinTrack, 'sid'>[] = []) {
    const info = this.rooms.get(room);
    if (!info) throw new Error(`room ${room} does not exist (auto_create is off)`);
    const people = this.participants.get(room) ?? new Map<string, StandinParticipant>();
    if (info.maxParticipants > 0 && people.size >= info.maxParticipants && !people.has(identity)) {
      throw new Error(`room ${room} is full`);
    }
    const participant: StandinParticipant = {
      sid: sid('PA'),
      identity,
      name,
      state: 'ACTIVE',
      joinedAt: nowSeconds(),
      tracks: tracks.map((track) => ({ ...track, sid: sid('TR') })),
      permission: { canSubscribe: true, canPublish: true, canPublishData: true },
    };
    people.set(identity, participant);
    this.participants.set(room, people);
    return participant;
  }

  leave(room: string, identity: string): void {
    this.participants.get(room)?.delete(identity);
  }

  participant(room: string, identity: string): StandinParticipant | undefined {
    return this.participants.get(room)?.get(identity);
  }

  callsTo(method: string): StandinCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Posts a webhook signed exactly as the LiveKit server signs it. */
  postWebhook(url: string, event: Record<string, unknown>): Promise<Response> {
    return postWebhook(url, event, { key: this.apiKey, secret: this.apiSecret });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path.startsWith('/rtc')) {
      await this.recordRtc(request);
      return this.reply(response, 401, { code: 'unauthenticated', msg: 'no media server here' });
    }
    const match = /^\/twirp\/livekit\.RoomService\/(\w+)$/.exec(path);
    if (request.method !== 'POST' || !match) {
      return this.reply(response, 404, { code: 'bad_route', msg: `no handler for ${path}` });
    }
    const method = match[1];
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    try {
      const failing = this.failures.get(method) ?? 0;
      if (failing > 0) {
        this.failures.set(method, failing - 1);
        throw new TwirpFailure(503, 'unavailable', 'stand-in told to fail');
      }
      await this.authorize(method, request.headers.authorization, body);
      const result = this.dispatch(method, body);
      this.calls.push({ method, body, status: 200 });
      this.reply(response, 200, result);
    } catch (error) {
      if (!(error instanceof TwirpFailure)) throw error;
      this.calls.push({ method, body, status: error.status });
      this.reply(response, error.status, { code: error.code, msg: error.message });
    }
  }

  private async authorize(
    method: string,
    header: string | undefined,
    body: Record<string, unknown>,
  ) {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw new TwirpFailure(401, 'unauthenticated', 'missing token');
    let claims: ClaimGrants;
    try {
      claims = await this.verifier.verify(token);
    } catch {
      throw new TwirpFailure(401, 'unauthenticated', 'invalid token');
    }
    const video = claims.video ?? {};
    const needed = ['CreateRoom', 'DeleteRoom'].includes(method)
      ? video.roomCreate
      : method === 'ListRooms'
        ? video.roomList
        : ADMIN_METHODS.has(method)
          ? video.roomAdmin && video.room === body.room
          : false;
    if (!needed) throw new TwirpFailure(401, 'unauthenticated', `permissions denied for ${method}`);
  }

  private dispatch(method: string, body: Record<string, unknown>): unknown {
    const room = String(body.room ?? body.name ?? '');
    const people = () => this.participants.get(room) ?? new Map<string, StandinParticipant>();
    const person = () => {
      const found = this.participant(room, String(body.identity));
      if (!found) throw new TwirpFailure(404, 'not_found', 'participant not found');
      return found;
    };
    switch (method) {
      case 'CreateRoom': {
        const existing = this.rooms.get(room);
        if (existing) return existing;
        const created: StandinRoom = {
          sid: sid('RM'),
          name: room,
          emptyTimeout: Number(body.emptyTimeout ?? 300),
          departureTimeout: Number(body.departureTimeout ?? 20),
          maxParticipants: Number(body.maxParticipants ?? 0),
          creationTime: nowSeconds(),
          metadata: String(body.metadata ?? ''),
        };
        this.rooms.set(room, created);
        return created;
      }
      case 'DeleteRoom':
        if (!this.rooms.delete(room)) throw new TwirpFailure(404, 'not_found', 'room not found');
        this.participants.delete(room);
        return {};
      case 'ListRooms':
        return { rooms: [...this.rooms.values()] };
      case 'ListParticipants':
        return { participants: [...people().values()] };
      case 'GetParticipant':
        return person();
      case 'RemoveParticipant':
        person();
        people().delete(String(body.identity));
        return {};
      case 'MutePublishedTrack': {
        const track = person().tracks.find((t) => t.sid === body.trackSid);
        if (!track) throw new TwirpFailure(404, 'not_found', 'track not found');
        if (!body.muted && !this.allowRemoteUnmute) {
          throw new TwirpFailure(412, 'failed_precondition', 'remote unmute not enabled');
        }
        track.muted = Boolean(body.muted);
        return { track };
      }
      case 'UpdateParticipant': {
        const target = person();
        // The permission set is replaced as a whole: what is not sent is false.
        // The SDK leaves default values (false, []) out of the JSON; they are part of the set.
        if (body.permission) {
          target.permission = {
            canSubscribe: false,
            canPublish: false,
            canPublishData: false,
            canPublishSources: [],
            hidden: false,
            ...(body.permission as object),
          };
        }
        if (typeof body.name === 'string') target.name = body.name;
        return target;
      }
      case 'SendData':
        return {};
      case 'UpdateRoomMetadata': {
        const existing = this.rooms.get(room);
        if (!existing) throw new TwirpFailure(404, 'not_found', 'room not found');
        existing.metadata = String(body.metadata ?? '');
        return existing;
      }
      default:
        throw new TwirpFailure(404, 'bad_route', `unknown method ${method}`);
    }
  }

  private async recordRtc(request: IncomingMessage): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://standin');
    const token = url.searchParams.get('access_token');
    const claims = token ? await this.verifier.verify(token).catch(() => undefined) : undefined;
    this.rtcRequests.push({ path: url.pathname, claims });
  }

  private reply(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
