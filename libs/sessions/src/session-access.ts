import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import { facilitatorsOnly, type Group, GroupAccess, type GroupViewerRole } from '#groups';
import type { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

export interface SessionViewer {
  session: Session;
  group: Group;
  role: GroupViewerRole;
}

/**
 * Who may see or act on a session: the people of its group (GroupAccess decides), from two
 * round trips (the session with its group, then the caller's relation to the group). Someone the
 * group does not know gets the same 404 as for a session that does not exist. Nothing is caught
 * here: a failed read (the database down) propagates and the api answers 503, never 404.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly groups: GroupAccess,
  ) {}

  /** The session, its group and the caller's relation to it (for callers with finer rules). */
  async relation(sessionId: string, userId: string) {
    const found = await this.sessions.findWithGroup(sessionId);
    if (!found) throw sessionNotFound();
    return { ...found, ...(await this.groups.relation(found.group, userId)) };
  }

  async requireViewer(sessionId: string, userId: string): Promise<SessionViewer> {
    const { session, group, role } = await this.relation(sessionId, userId);
    if (!role) throw sessionNotFound();
    return { session, group, role };
  }

  /** A facilitator of the session's group; a member gets 403, anyone else 404. */
  async requireFacilitator(sessionId: string, userId: string): Promise<SessionViewer> {
    const viewer = await this.requireViewer(sessionId, userId);
    if (viewer.role !== 'facilitator') throw facilitatorsOnly();
    return viewer;
  }
}

export const sessionNotFound = () => new NotFoundError('session_not_found', 'No such session');
