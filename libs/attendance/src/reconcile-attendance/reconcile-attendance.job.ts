import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { AttendanceService } from '../attendance.service.js';
import { RECONCILE_ATTENDANCE_JOB, type ReconcilePayload } from './reconcile-attendance.queue.js';

/** In the worker: compares a live room with LiveKit's participant list (and again later while it is live). */
@Injectable()
export class ReconcileAttendanceJob implements JobHandler<ReconcilePayload> {
  readonly jobName = RECONCILE_ATTENDANCE_JOB;

  constructor(private readonly attendance: AttendanceService) {}

  handle({ sessionId, mode }: ReconcilePayload): Promise<void> {
    return this.attendance.reconcile(sessionId, mode);
  }
}
