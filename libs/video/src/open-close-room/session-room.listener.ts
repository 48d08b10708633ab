import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  type GroupOpened,
  type SessionCancelled,
  SessionEvent,
  type SessionsMoved,
} from '#sessions';
import { SessionRoomQueue } from './session-room.queue.js';

/** Errors reach the emitter, so a room that could not be planned fails the change's request. */
const RETHROW = { suppressErrors: false };

/** Rooms follow their sessions: planned when a session is set or moved, dropped when cancelled. */
@Injectable()
export class SessionRoomListener {
  constructor(private readonly rooms: SessionRoomQueue) {}

  @OnEvent(SessionEvent.GroupOpened, RETHROW)
  async groupOpened({ sessions }: GroupOpened): Promise<void> {
    for (const session of sessions) await this.rooms.plan(session);
  }

  @OnEvent(SessionEvent.Moved, RETHROW)
  async moved({ sessions }: SessionsMoved): Promise<void> {
    for (const session of sessions) await this.rooms.plan(session);
  }

  @OnEvent(SessionEvent.Cancelled, RETHROW)
  async cancelled({ sessionId, appended }: SessionCancelled): Promise<void> {
    await this.rooms.unplan(sessionId);
    if (appended) await this.rooms.plan(appended);
  }
}
