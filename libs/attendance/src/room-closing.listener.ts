import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type SessionRoomClosed, type SessionRoomClosing, SessionRoomEvent } from '#video';
import { AttendanceService } from './attendance.service.js';

/** Errors reach the emitter, so the close-room job fails and is retried. */
const RETHROW = { suppressErrors: false };

/** Attendance follows a closing room: a last reconcile before it goes, then final statuses. */
@Injectable()
export class RoomClosingListener {
  constructor(private readonly attendance: AttendanceService) {}

  @OnEvent(SessionRoomEvent.Closing, RETHROW)
  async closing({ sessionId }: SessionRoomClosing): Promise<void> {
    await this.attendance.reconcile(sessionId, 'final');
  }

  @OnEvent(SessionRoomEvent.Closed, RETHROW)
  async closed({ sessionId }: SessionRoomClosed): Promise<void> {
    await this.attendance.finalize(sessionId);
  }
}
