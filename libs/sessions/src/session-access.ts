import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import {
  assertClinician,
  facilitatorsOnly,
  type Group,
  type GroupViewerRole,
  isClinician,
  roleInGroup,
} from '#groups';
import type { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

export interface SessionViewer {
  session: Session;
  group: Group;
  role: GroupViewerRole;
  /** Whether the viewer reads the group's clinical data (see `isClinician` in #groups). */
  clinician: boolean;
}

/**
 * Who may see or act on a session: the people of its group (`roleInGroup` decides), from one
 * read (the session, its group and the caller's standing with it). Someone the
 * group does not know gets the same 404 as for a session that does not exist. Nothing is caught
 * here: a failed read (the database down) propagates and the api answers 503, never 404.
 */
@Injectable()
export class SessionAccess {
  constructor(private readonly sessions: SessionRepository) {}

  /**
   * The session, its group, where the caller stands with the group and the role that gives them
   * (for callers with finer rules), in one read.
   */
  async relation(sessionId: string, userId: string) {
    const found = await this.sessions.findForPerson(sessionId, userId);
    if (!found) throw sessionNotFound();
    const role = roleInGroup(found.group, userId, found.standing);
    return { ...found, role, clinician: isClinician(role, found.standing) };
  }

  async requireViewer(sessionId: string, userId: string): Promise<SessionViewer> {
    const { session, group, role, clinician } = await this.relation(sessionId, userId);
    if (!role) throw sessionNotFound();
    return { session, group, role, clinician };
  }

  /** A facilitator of the session's group; a member gets 403, anyone else 404. */
  async requireFacilitator(sessionId: string, userId: string): Promise<SessionViewer> {
    const viewer = await this.requireViewer(sessionId, userId);
    if (viewer.role !== 'facilitator') throw facilitatorsOnly();
    return viewer;
  }

  /**
   * A facilitator who reads clinical data (notes, measures, alerts, homework review, incidents,
   * side rooms' record): a member or a peer supporter gets 403, anyone else 404.
   */
  async requireClinician(sessionId: string, userId: string): Promise<SessionViewer> {
    const viewer = await this.requireViewer(sessionId, userId);
    assertClinician(viewer);
    return viewer;
  }
}

export const sessionNotFound = () => new NotFoundError('session_not_found', 'No such session');
