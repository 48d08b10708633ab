import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '#common';
import { AppConfig } from '#config';
import { GroupRepository } from '#groups';
import type { JobHandler } from '#queue';
import { SessionLifecycleService, SessionRepository } from '#sessions';
import { roomNameForSession, VideoService } from '../video.service.js';
import { OPEN_ROOM_JOB, type RoomJobPayload } from './session-room.queue.js';

/** The least time a room waits for its first participant, or after its last one leaves. */
const MIN_TIMEOUT_SECONDS = 5 * 60;

/**
 * In the worker: creates a session's LiveKit room before the join window and marks the session
 * open. Re-reads the session: a cancelled, moved or finished one opens nothing. A failed LiveKit
 * call throws, and BullMQ retries with backoff.
 */
@Injectable()
export class OpenRoomJob implements JobHandler<RoomJobPayload> {
  readonly jobName = OPEN_ROOM_JOB;
  private readonly logger = new Logger(OpenRoomJob.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly groups: GroupRepository,
    private readonly video: VideoService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async handle({ sessionId }: RoomJobPayload): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (
      !session ||
      session.status !== 'scheduled' ||
      session.endsAt.getTime() <= this.clock.millis()
    )
      return;
    const opensAt = session.startsAt.getTime() - this.config.ROOM_OPEN_LEAD_MINUTES * 60_000;
    if (opensAt - this.clock.millis() > 60_000) return; // moved later: its newer job will open it
    if (!this.video.available) {
      this.logger.warn(`Session ${sessionId}: video is not configured, no room opened`);
      return;
    }
    const group = (await this.groups.findById(session.groupId))!;
    const facilitators = 1 + (await this.groups.coFacilitatorIds(group.id)).length;
    // LiveKit closes an empty room by itself after these timeouts, and never reopens it on a join
    // (rooms are only made here). So the room waits, empty or left, until the close-room job's
    // time: a late group, or one whose people all drop for a while, still finds it there.
    const closesAt = session.endsAt.getTime() + this.config.ROOM_CLOSE_GRACE_MINUTES * 60_000;
    const untilClose = Math.max(
      MIN_TIMEOUT_SECONDS,
      Math.ceil((closesAt - this.clock.millis()) / 1000),
    );
    await this.video.ensureRoom(roomNameForSession(session.id), {
      maxParticipants: group.capacity + facilitators,
      emptyTimeoutSeconds: untilClose,
      departureTimeoutSeconds: untilClose,
    });
    await this.lifecycle.transition(session, 'open');
    this.logger.log(`Session ${sessionId}: room open`);
  }
}
