import { Injectable, Logger } from '@nestjs/common';
import { ConflictError } from '#common';
import { type Group, GroupAccess, type GroupViewerRole } from '#groups';
import { SessionAccess } from '#sessions';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { RoomChatRepository } from './room-chat.repository.js';
import { roomNameForSession, VideoService } from './video.service.js';
import type { RoomChatView } from './video.view.js';

/**
 * The room's chat switch. The chat itself is LiveKit data messages on its standard chat topic:
 * it passes through the LiveKit server only and Hearth never sees or stores it. What Hearth
 * controls is who may send: participants only while the facilitator has chat on.
 */
@Injectable()
export class RoomChatService {
  private readonly logger = new Logger(RoomChatService.name);

  constructor(
    private readonly access: SessionAccess,
    private readonly groups: GroupAccess,
    private readonly chats: RoomChatRepository,
    private readonly video: VideoService,
  ) {}

  /**
   * Stores the switch (new joins get tokens that follow it), then applies it at once to everyone
   * connected: participants' permission to send data, and the room metadata every client reads
   * to show or hide the chat. Switching to what it already is applies it again (a retry after
   * LiveKit failed). A session that is over has no room left to switch: 409.
   */
  async setChat(sessionId: string, actorId: string, enabled: boolean): Promise<RoomChatView> {
    const { session, group } = await this.access.requireFacilitator(sessionId, actorId);
    if (session.status === 'ended' || session.status === 'cancelled') {
      throw new ConflictError(
        'session_not_running',
        `A ${session.status} session's chat cannot be switched`,
      );
    }
    await this.chats.setChatEnabled(session.id, enabled);
    if (this.video.available) {
      // Two facilitators switching at once interleave their LiveKit calls; each applies what is
      // stored until it stops changing, so whoever finishes last leaves the room as stored.
      let applied: boolean | undefined;
      for (let round = 0; round < 3; round++) {
        const stored = await this.chats.chatEnabled(session.id);
        if (stored === undefined || stored === applied) break;
        await this.applyToRoom(roomNameForSession(session.id), group, stored);
        applied = stored;
      }
    }
    return { sessionId: session.id, enabled };
  }

  /** Everyone connected, then the metadata every client reads to show or hide the chat. */
  private async applyToRoom(room: string, group: Group, chat: boolean): Promise<void> {
    for (const participant of (await this.video.listParticipants(room)) ?? []) {
      const role = await this.groups.roleOf(group, participant.identity);
      await this.apply(room, role, participant, chat);
    }
    await this.video.mergeRoomMetadata(room, { chat });
  }

  /**
   * Applies the switch as it is now to someone who just connected (the participant_joined
   * webhook). A token says what the switch was when it was minted; someone who joined the lobby
   * or the join page while chat was on and connects after it was switched off would otherwise
   * keep sending until the next switch. The reverse (off at minting, on by arrival) is set right
   * here too.
   */
  async applyOnArrival(sessionId: string, identity: string): Promise<void> {
    if (!this.video.available) return;
    try {
      // Read now, after the connection: a switch stored before this read reached them in setChat
      // or reaches them here; one stored after it lists them as connected and reaches them there.
      const { session, role } = await this.access.relation(sessionId, identity);
      // Facilitators always may send: nothing to ask LiveKit.
      if (role === 'facilitator') return;
      const room = roomNameForSession(session.id);
      const participant = await this.video.participant(room, identity);
      if (participant) await this.apply(room, role, participant, session.chatEnabled);
    } catch (error) {
      // Best effort: attendance is processed from the same webhook and must not wait on LiveKit
      // or fail with it; the next switch applies to everyone connected anyway.
      this.logger.warn(
        `Session ${sessionId}: chat switch not applied on arrival (${(error as { code?: string }).code ?? (error as Error).name})`,
      );
    }
  }

  /** Participants send data only while chat is on; facilitators always may. */
  private async apply(
    room: string,
    role: GroupViewerRole | null,
    participant: ParticipantInfo,
    chat: boolean,
  ) {
    if (role === 'facilitator') return;
    await this.video.setDataPublishing(room, participant, chat);
  }
}
