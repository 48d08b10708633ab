import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, ForbiddenError } from '#common';
import { AppConfig } from '#config';
import type { Session } from '#sessions';
import { joinOpensAt, SessionAccess, sessionNotFound } from '#sessions';
import { LobbyRepository } from './lobby.repository.js';
import type { JoinAnswer } from './video.view.js';
import { roomNameForSession, VideoService } from './video.service.js';

const JOINABLE = new Set<Session['status']>(['scheduled', 'open', 'live']);

/**
 * Who may enter a session's room, and the token that lets them. The order of the checks is the
 * policy: membership, removal, consent, the join window, then the lobby. A token is minted only
 * at the end, for facilitators or for participants a facilitator admitted.
 */
@Injectable()
export class JoinService {
  constructor(
    private readonly access: SessionAccess,
    private readonly lobby: LobbyRepository,
    private readonly video: VideoService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async join(sessionId: string, userId: string): Promise<JoinAnswer> {
    const { session, group, standing, role } = await this.access.relation(sessionId, userId);
    if (!standing.organizationRole) throw sessionNotFound();
    if (!role || (role === 'member' && standing.enrollmentStatus !== 'active')) {
      throw new ForbiddenError('not_a_member', 'Only members of this group can join its sessions');
    }
    const facts = await this.lobby.joinFacts(session, group.organizationId, userId);
    if (facts.removed) {
      throw new ForbiddenError(
        'removed_from_session',
        'A facilitator removed you from this session',
      );
    }
    if (role === 'member' && facts.agreementVersion !== null && !facts.consented) {
      throw new ForbiddenError(
        'consent_required',
        `Agree to the group agreement (version ${facts.agreementVersion}) before joining`,
      );
    }
    this.assertWindowOpen(session);
    this.video.assertAvailable();

    if (role === 'member' && group.lobbyEnabled) {
      const entry = await this.lobby.enter(session.id, userId);
      if (entry.status === 'waiting') return { status: 'waiting', lobbyEntryId: entry.id };
      if (entry.status === 'denied') {
        throw new ForbiddenError('lobby_denied', 'A facilitator did not let you into this session');
      }
    }
    return this.video.admission({
      roomName: roomNameForSession(session.id),
      identity: userId,
      name: facts.displayName,
      role: role === 'facilitator' ? 'facilitator' : 'participant',
      canScreenShare: group.participantScreenShare,
      chat: session.chatEnabled,
    });
  }

  private assertWindowOpen(session: Session): void {
    const now = this.clock.millis();
    const opens = joinOpensAt(session, this.config.VIDEO_JOIN_EARLY_MINUTES).getTime();
    if (!JOINABLE.has(session.status) || now < opens || now >= session.endsAt.getTime()) {
      throw new ConflictError(
        'join_window_closed',
        `Joining opens ${this.config.VIDEO_JOIN_EARLY_MINUTES} minutes before the session and closes at its end`,
      );
    }
  }
}
