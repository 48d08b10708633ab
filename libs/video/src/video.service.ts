import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AccessToken,
  type ParticipantInfo,
  RoomServiceClient,
  TrackSource,
  TrackType,
  TokenVerifier,
  TwirpError,
  type VideoGrant,
  type WebhookEvent,
  WebhookReceiver,
} from 'livekit-server-sdk';
import { Clock, DomainError, InvalidInputError, NotFoundError } from '#common';
import { AppConfig, videoConfigured } from '#config';
import type { JoinAdmitted } from './video.view.js';

export interface JoinGrant {
  roomName: string;
  /** The user id: stable, opaque, unique in the room. */
  identity: string;
  /** The display alias; fixed by the server, participants cannot change it. */
  name: string;
  role: 'facilitator' | 'participant';
  /** Participants may share their screen only where the group allows it. */
  canScreenShare: boolean;
  /**
   * Whether participants may send data messages (the room's chat) now; facilitators always may.
   * Rooms without a chat switch (side rooms) leave it out: data stays allowed there.
   */
  chat?: boolean;
}

export interface RoomSettings {
  maxParticipants: number;
  emptyTimeoutSeconds: number;
  departureTimeoutSeconds: number;
}

export interface WebinarGrant {
  roomName: string;
  identity: string;
  name: string;
  role: 'host' | 'speaker' | 'attendee';
  promoted: boolean;
}

const ALL_SOURCES = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

export const roomNameForSession = (sessionId: string) => `session-${sessionId}`;
export const roomNameForWebinar = (webinarId: string) => `webinar-${webinarId}`;
/** A private side room: named by its own id only, so no person's name reaches LiveKit. */
export const roomNameForSideRoom = (sideRoomId: string) => `side-${sideRoomId}`;

/** The side room a room is, or null for any other room. */
export const sideRoomIdOfRoom = (room: string | undefined) =>
  /^side-([0-9a-f-]{36})$/.exec(room ?? '')?.[1] ?? null;

/** The session a room belongs to, or null for a room Hearth does not know. */
export const sessionIdOfRoom = (room: string | undefined) =>
  /^session-([0-9a-f-]{36})$/.exec(room ?? '')?.[1] ?? null;

/** A LiveKit call that failed; room jobs retry these with backoff. */
export class VideoServerError extends DomainError {
  constructor(message: string) {
    super('unavailable', 'video_server_error', message);
  }
}

const isNotFound = (error: unknown) =>
  error instanceof TwirpError && (error.status === 404 || error.code === 'not_found');

/**
 * Hearth's view of LiveKit: join tokens with every grant explicit, and the RoomService calls the
 * rooms need. Built on livekit-server-sdk; without LIVEKIT_* settings every call answers
 * `video_unavailable` and the rest of the platform runs on.
 */
@Injectable()
export class VideoService {
  private readonly rooms?: RoomServiceClient;
  private readonly webhooks?: WebhookReceiver;
  private readonly webhookSigner?: TokenVerifier;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    if (videoConfigured(config)) {
      this.webhooks = new WebhookReceiver(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);
      this.webhookSigner = new TokenVerifier(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);
      this.rooms = new RoomServiceClient(
        config.LIVEKIT_URL,
        config.LIVEKIT_API_KEY,
        config.LIVEKIT_API_SECRET,
      );
    }
  }

  get available(): boolean {
    return this.rooms !== undefined;
  }

  /** Throws `video_unavailable` (503) when LiveKit is not configured. */
  assertAvailable(): void {
    this.requireConfigured();
  }

  /** The address browsers connect to. */
  get publicUrl(): string {
    return this.requireConfigured().LIVEKIT_PUBLIC_URL ?? this.requireConfigured().LIVEKIT_URL;
  }

  async joinToken(grant: JoinGrant): Promise<string> {
    const facilitator = grant.role === 'facilitator';
    return this.sign(grant.identity, grant.name, {
      room: grant.roomName,
      roomAdmin: facilitator,
      canPublish: true,
      canPublishData: facilitator || grant.chat !== false,
      canPublishSources:
        facilitator || grant.canScreenShare
          ? ALL_SOURCES
          : [TrackSource.CAMERA, TrackSource.MICROPHONE],
      hidden: false,
    });
  }

  /**
   * What livekit-client needs to enter a room (the session's or a side room), with a token
   * minted now: the one way Hearth lets someone into a group's rooms.
   */
  async admission(grant: JoinGrant): Promise<JoinAdmitted> {
    const token = await this.joinToken(grant);
    return {
      status: 'admitted',
      serverUrl: this.publicUrl,
      token,
      roomName: grant.roomName,
      identity: grant.identity,
      role: grant.role,
      chat: grant.chat !== false,
    };
  }

  /**
   * Webinar tokens: hosts administer the room; speakers (and promoted attendees) publish;
   * attendees only watch, hidden so they are not announced to each other, and send no data
   * (questions go through the api, never through data packets every attendee receives).
   */
  async webinarToken(grant: WebinarGrant): Promise<string> {
    const publishes = grant.role !== 'attendee' || grant.promoted;
    return this.sign(grant.identity, grant.name, {
      room: grant.roomName,
      roomAdmin: grant.role === 'host',
      canPublish: publishes,
      canPublishData: grant.role === 'host',
      canPublishSources: publishes
        ? [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]
        : [],
      hidden: grant.role === 'attendee' && !grant.promoted,
    });
  }

  /**
   * Lets a connected person publish, or stops them (the server then unpublishes their tracks).
   * LiveKit replaces the whole permission set, so every field is sent. A promoted person is
   * shown to the room, and stays shown once demoted: the server tells nobody when a shown
   * participant turns hidden, not even when they leave, so everyone would keep them on screen.
   * Someone who cannot publish is left as they are (a hidden attendee stays hidden).
   */
  async setPublishing(room: string, identity: string, publish: boolean): Promise<void> {
    if (!publish) {
      const current = await this.participant(room, identity);
      if (!current?.permission?.canPublish) return;
    }
    await this.call(
      () =>
        this.client().updateParticipant(room, identity, {
          permission: {
            canPublish: publish,
            canSubscribe: true,
            canPublishData: false,
            canPublishSources: publish
              ? [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]
              : [],
            hidden: false,
          },
        }),
      { notFoundIsFine: true },
    );
  }

  private async sign(
    identity: string,
    name: string,
    grants: Pick<
      VideoGrant,
      'room' | 'roomAdmin' | 'canPublish' | 'canPublishData' | 'canPublishSources' | 'hidden'
    >,
  ): Promise<string> {
    const config = this.requireConfigured();
    const video: VideoGrant = {
      roomJoin: true,
      room: grants.room,
      roomAdmin: grants.roomAdmin,
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      canPublish: grants.canPublish,
      canSubscribe: true,
      canPublishData: grants.canPublishData,
      canPublishSources: grants.canPublishSources,
      canUpdateOwnMetadata: false,
      hidden: grants.hidden,
      recorder: false,
    };
    const token = new AccessToken(config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET, {
      identity,
      name,
      ttl: `${config.VIDEO_TOKEN_TTL_MINUTES}m`,
    });
    token.addGrant(video);
    return token.toJwt();
  }

  /** Creates the room, or finds it already there (LiveKit's CreateRoom is idempotent). */
  async ensureRoom(name: string, settings: RoomSettings): Promise<void> {
    await this.call(() =>
      this.client().createRoom({
        name,
        maxParticipants: settings.maxParticipants,
        emptyTimeout: settings.emptyTimeoutSeconds,
        departureTimeout: settings.departureTimeoutSeconds,
      }),
    );
  }

  /**
   * Lets a connected person send data messages, or stops them (the server then drops what they
   * send). LiveKit replaces the whole permission set, so their current one is sent back with
   * only `canPublishData` changed. Someone who already left is fine.
   */
  async setDataPublishing(room: string, participant: ParticipantInfo, allowed: boolean) {
    const current = participant.permission;
    if (!current || current.canPublishData === allowed) return;
    await this.call(
      () =>
        this.client().updateParticipant(room, participant.identity, {
          permission: { ...current, canPublishData: allowed },
        }),
      { notFoundIsFine: true },
    );
  }

  /**
   * Merges `patch` into the room's JSON metadata, which every client in the room receives at
   * once (RoomEvent.RoomMetadataChanged). A room not open yet is fine: its clients learn the same
   * from their join answer.
   */
  async mergeRoomMetadata(room: string, patch: Record<string, unknown>): Promise<void> {
    const [found] = (await this.call(() => this.client().listRooms([room]))) ?? [];
    if (!found) return;
    let metadata: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(found.metadata || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        metadata = parsed as Record<string, unknown>;
      }
    } catch {
      // Metadata Hearth did not write is replaced.
    }
    const merged = JSON.stringify({ ...metadata, ...patch });
    await this.call(() => this.client().updateRoomMetadata(room, merged), { notFoundIsFine: true });
  }

  /** Closes the room for everyone; a room already gone is fine. */
  async deleteRoom(name: string): Promise<void> {
    await this.call(() => this.client().deleteRoom(name), { notFoundIsFine: true });
  }

  /**
   * Takes the person out of the room. `revokeTokenTs` voids their older tokens on LiveKit Cloud;
   * a self-hosted server ignores it, so what keeps a removed person out is the participant_joined
   * webhook (AttendanceService.enforceRemoval), which takes them out again on arrival.
   */
  async removeParticipant(room: string, identity: string): Promise<void> {
    const revokeTokenTs = BigInt(Math.floor(this.clock.millis() / 1000) + 1);
    await this.call(() => this.client().removeParticipant(room, identity, { revokeTokenTs }), {
      notFoundIsFine: true,
    });
  }

  /** Mutes one track, or every microphone track the person publishes. Answers how many. */
  async muteParticipant(room: string, identity: string, trackSid?: string): Promise<number> {
    const sids = trackSid
      ? [trackSid]
      : ((await this.participant(room, identity))?.tracks ?? [])
          .filter((track) => track.type === TrackType.AUDIO && !track.muted)
          .map((track) => track.sid);
    for (const sid of sids) {
      const track = await this.call(() =>
        this.client().mutePublishedTrack(room, identity, sid, true),
      );
      // The server answers a track it does not know with an empty reply, not a 404.
      if (!track?.sid) {
        throw new NotFoundError('participant_not_found', 'That person or track is not in the room');
      }
    }
    return sids.length;
  }

  /**
   * Verifies a webhook exactly as LiveKit signs it: the Authorization JWT's sha256 claim must
   * match the raw body. Throws on a forged, tampered or unsigned request, and `invalid_webhook`
   * on a signed body that is not an event (a time beyond int64, say).
   */
  async receiveWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    this.requireConfigured();
    try {
      return await this.webhooks!.receive(rawBody, authorization);
    } catch (error) {
      // The SDK alone decides acceptance; this only tells a bad signature from a bad body.
      if (await this.signedBody(rawBody, authorization)) {
        throw new InvalidInputError('invalid_webhook', 'The signed webhook is not a valid event');
      }
      throw error;
    }
  }

  private async signedBody(rawBody: string, authorization: string | undefined) {
    const claims = await this.webhookSigner!.verify(authorization ?? '').catch(() => undefined);
    const digest = createHash('sha256').update(rawBody).digest('base64');
    return claims?.sha256 !== undefined && claims.sha256 === digest;
  }

  /** The person's connection to the room, or undefined when they are not in it. */
  participant(room: string, identity: string): Promise<ParticipantInfo | undefined> {
    return this.call(() => this.client().getParticipant(room, identity), { notFoundIsFine: true });
  }

  listParticipants(room: string) {
    return this.call(() => this.client().listParticipants(room));
  }

  private async call<T>(
    run: () => Promise<T>,
    { notFoundIsFine = false }: { notFoundIsFine?: boolean } = {},
  ): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      if (isNotFound(error)) {
        if (notFoundIsFine) return undefined;
        throw new NotFoundError('participant_not_found', 'That person or track is not in the room');
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new VideoServerError(`The video server refused or failed: ${reason}`);
    }
  }

  private client(): RoomServiceClient {
    this.requireConfigured();
    return this.rooms!;
  }

  private requireConfigured() {
    const config = this.config;
    if (!videoConfigured(config)) {
      throw new DomainError(
        'unavailable',
        'video_unavailable',
        'Video is not set up on this server',
      );
    }
    return config;
  }
}
