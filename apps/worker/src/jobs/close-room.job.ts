import { Injectable, Logger } from '@nestjs/common';
import { AttendanceService } from '#attendance';
import { Clock } from '#common';
import { AppConfig } from '#config';
import { RoomJob, type RoomJobPayload, type JobHandler } from '#queue';
import { SessionLifecycleService, SessionRepository } from '#sessions';
import { roomNameForSession, VideoService } from '#video';

/** Closes a session's room after its end and marks the session ended. */
@Injectable()
export class CloseRoomJob implements JobHandler<RoomJobPayload> {
  readonly jobName = RoomJob.CloseRoom;
  private readonly logger = new Logger(CloseRoomJob.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly video: VideoService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly attendance: AttendanceService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async handle({ sessionId }: RoomJobPayload): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (!session || (session.status !== 'open' && session.status !== 'live')) return;
    const closesAt = session.endsAt.getTime() + this.config.ROOM_CLOSE_GRACE_MINUTES * 60_000;
    if (closesAt - this.clock.millis() > 60_000) return; // moved later: its newer job will close it
    // Last look at who is still in the room before it goes, then close the open intervals.
    await this.attendance.reconcile(session.id, 'final');
    // Ended before the room goes, so the room_finished its closing sends finds it ended.
    await this.lifecycle.transition(session, 'ended');
    if (this.video.available) await this.video.deleteRoom(roomNameForSession(session.id));
    await this.attendance.finalize(session.id);
    this.logger.log(`Session ${sessionId}: room closed`);
  }
}
