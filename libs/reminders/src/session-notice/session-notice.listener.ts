import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type SessionCancelled, SessionEvent, type SessionsMoved } from '#sessions';
import { SessionNoticeQueue } from './session-notice.queue.js';

/** Errors reach the emitter, so a notice that could not be queued fails the change's request. */
const RETHROW = { suppressErrors: false };

/** The people in a group are told when one of its sessions moves or is cancelled. */
@Injectable()
export class SessionNoticeListener {
  constructor(private readonly notices: SessionNoticeQueue) {}

  @OnEvent(SessionEvent.Moved, RETHROW)
  async sessionsMoved({ sessions }: SessionsMoved): Promise<void> {
    for (const { id, revision } of sessions) {
      await this.notices.add({ sessionId: id, kind: 'session_moved', revision });
    }
  }

  @OnEvent(SessionEvent.Cancelled, RETHROW)
  async sessionCancelled({ sessionId, revision }: SessionCancelled): Promise<void> {
    await this.notices.add({ sessionId, kind: 'session_cancelled', revision });
  }
}
