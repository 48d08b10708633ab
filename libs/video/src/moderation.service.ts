import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError } from '#common';
import type { Page, PageRequest } from '#common';
import { Transactions } from '#database';
import { GroupAccess } from '#groups';
import { SessionAccess, SessionLifecycleService, SessionRepository } from '#sessions';
import type { Session } from '#sessions';
import { LobbyRepository } from './lobby.repository.js';
import { roomNameForSession, VideoService } from './video.service.js';
import type {
  LobbyDecision,
  LobbyEntryView,
  MuteResult,
  RemovalResult,
  SessionEnded,
} from './video.view.js';

/** What a session's facilitators control: the lobby, who is in the room, and its end. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly access: SessionAccess,
    private readonly groups: GroupAccess,
    private readonly lobby: LobbyRepository,
    private readonly video: VideoService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async waiting(
    sessionId: string,
    actorId: string,
    page: PageRequest,
  ): Promise<Page<LobbyEntryView>> {
    const session = await this.forFacilitator(sessionId, actorId);
    return this.lobby.waiting(session.id, page);
  }

  async admit(sessionId: string, entryId: string, actorId: string): Promise<LobbyDecision> {
    const { entry } = await this.entryFor(sessionId, entryId, actorId);
    await this.lobby.decide(entry.id, 'admitted', actorId, this.clock.now());
    return { id: entry.id, userId: entry.userId, status: 'admitted' };
  }

  /** Denying someone already admitted takes them out of the room, as removal does. */
  async deny(sessionId: string, entryId: string, actorId: string): Promise<LobbyDecision> {
    const { session, entry } = await this.entryFor(sessionId, entryId, actorId);
    // Someone already admitted may hold a token from it: they are barred like a removal.
    const before = await this.transactions.run(async (tx) => {
      const locked = await this.lobby.lockEntry(entry.id, tx);
      if (locked?.status === 'admitted') {
        await this.lobby.bar(locked.sessionId, locked.userId, actorId, this.clock.now(), tx);
      } else {
        await this.lobby.decide(entry.id, 'denied', actorId, this.clock.now(), tx);
      }
      return locked?.status;
    });
    if (before === 'admitted') {
      await this.video.removeParticipant(roomNameForSession(session.id), entry.userId);
    }
    return { id: entry.id, userId: entry.userId, status: 'denied' };
  }

  async mute(
    sessionId: string,
    userId: string,
    actorId: string,
    trackSid?: string,
  ): Promise<MuteResult> {
    const session = await this.forFacilitator(sessionId, actorId);
    const muted = await this.video.muteParticipant(
      roomNameForSession(session.id),
      userId,
      trackSid,
    );
    return { userId, mutedTracks: muted };
  }

  /** Takes the person out of the room and bars them from this session. */
  async remove(sessionId: string, userId: string, actorId: string): Promise<RemovalResult> {
    const { session, group } = await this.access.requireFacilitator(sessionId, actorId);
    if (!(await this.groups.roleOf(group, userId))) {
      throw new NotFoundError('participant_not_found', 'No such participant in this group');
    }
    await this.transactions.run((tx) =>
      this.lobby.bar(session.id, userId, actorId, this.clock.now(), tx),
    );
    await this.video.removeParticipant(roomNameForSession(session.id), userId);
    return { userId, removed: true };
  }

  /**
   * Ends the session, then closes the room for everyone. In that order: the room's closing sends
   * room_finished, whose processing finalizes attendance only for an ended session. Ending an
   * ended session again closes the room again (a retry after LiveKit failed), and answers the same.
   */
  async end(sessionId: string, actorId: string): Promise<SessionEnded> {
    const session = await this.forFacilitator(sessionId, actorId);
    if (session.status !== 'open' && session.status !== 'live' && session.status !== 'ended') {
      throw new ConflictError('session_not_running', `A ${session.status} session cannot be ended`);
    }
    if (session.status !== 'ended' && !(await this.lifecycle.transition(session, 'ended'))) {
      // Changed meanwhile: fine if by another end, or by the room closing.
      if ((await this.sessions.findById(session.id))?.status !== 'ended') {
        throw new ConflictError('session_changed', 'The session changed meanwhile; try again');
      }
    }
    await this.video.deleteRoom(roomNameForSession(session.id));
    return { id: session.id, status: 'ended' };
  }

  private async entryFor(sessionId: string, entryId: string, actorId: string) {
    const session = await this.forFacilitator(sessionId, actorId);
    const entry = await this.lobby.findEntry(session.id, entryId);
    if (!entry) throw new NotFoundError('lobby_entry_not_found', 'No such lobby entry');
    return { session, entry };
  }

  private async forFacilitator(sessionId: string, actorId: string): Promise<Session> {
    return (await this.access.requireFacilitator(sessionId, actorId)).session;
  }
}
