import { Injectable } from '@nestjs/common';
import { GroupAccess } from '#groups';
import { SessionAccess } from '#sessions';
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
   * LiveKit failed).
   */
  async setChat(sessionId: string, actorId: string, enabled: boolean): Promise<RoomChatView> {
    const { session, group } = await this.access.requireFacilitator(sessionId, actorId);
    await this.chats.setChatEnabled(session.id, enabled);
    if (this.video.available) {
      const room = roomNameForSession(session.id);
      for (const participant of (await this.video.listParticipants(room)) ?? []) {
        // Facilitators keep sending data whatever the switch says.
        if ((await this.groups.roleOf(group, participant.identity)) === 'facilitator') continue;
        await this.video.setDataPublishing(room, participant, enabled);
      }
      await this.video.mergeRoomMetadata(room, { chat: enabled });
    }
    return { sessionId: session.id, enabled };
  }
}
