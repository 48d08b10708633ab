import { Injectable } from '@nestjs/common';
import { ConflictError } from '#common';
import type { Tx } from '#database';
import { assertTransition, type SessionStatus } from './session-state.js';
import type { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

/** Moves sessions through their lifecycle, only along the transition table. */
@Injectable()
export class SessionLifecycleService {
  constructor(private readonly sessions: SessionRepository) {}

  /**
   * Moves `session` to `to`. Throws for an illegal move; answers false when someone else moved
   * it first (the row's status is the arbiter, so two workers never both succeed).
   */
  async transition(
    session: Pick<Session, 'id' | 'status'>,
    to: SessionStatus,
    tx?: Tx,
  ): Promise<boolean> {
    assertTransition(session.status, to);
    return this.sessions.setStatus(session.id, session.status, to, tx);
  }

  async transitionOrFail(
    session: Pick<Session, 'id' | 'status'>,
    to: SessionStatus,
    tx?: Tx,
  ): Promise<void> {
    if (!(await this.transition(session, to, tx))) {
      throw new ConflictError('session_changed', 'The session changed meanwhile; try again');
    }
  }
}
