import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '#common';
import { AppConfig } from '#config';
import type { JobHandler } from '#queue';
import { SessionLifecycleService, SessionRepository } from '#sessions';
import {
  type SessionRoomClosed,
  type SessionRoomClosing,
  SessionRoomEvent,
} from '../session-room.events.js';
import { roomNameForSession, VideoService } from '../video.service.js';
import { CLOSE_ROOM_JOB, type RoomJobPayload } from './session-room.queue.js';

/** In the worker: closes a session's room after its end and marks the session ended. */
@Injectable()
export class CloseRoomJob implements JobHandler<RoomJobPayload> {
  readonly jobName = CLOSE_ROOM_JOB;
  private readonly logger = new Logger(CloseRoomJob.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly video: VideoService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async handle({ sessionId }: RoomJobPayload): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session || (session.status !== 'open' && session.status !== 'live')) return;
    const closesAt = session.endsAt.getTime() + this.config.ROOM_CLOSE_GRACE_MINUTES * 60_000;
    if (closesAt - this.clock.millis() > 60_000) return; // moved later: its newer job will close it
    // Attendance takes a last look at who is still in the room before it goes.
    await this.events.emitAsync(SessionRoomEvent.Closing, {
      sessionId: session.id,
    } satisfies SessionRoomClosing);
    // Ended before the room goes, so the room_finished its closing sends finds it ended.
    await this.lifecycle.transition(session, 'ended');
    if (this.video.available) await this.video.deleteRoom(roomNameForSession(session.id));
    // Attendance closes the open intervals and settles everyone's status.
    await this.events.emitAsync(SessionRoomEvent.Closed, {
      sessionId: session.id,
    } satisfies SessionRoomClosed);
    this.logger.log(`Session ${sessionId}: room closed`);
  }
}
