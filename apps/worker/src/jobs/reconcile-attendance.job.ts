import { Injectable } from '@nestjs/common';
import { AttendanceService } from '#attendance';
import { AttendanceJob, type ReconcilePayload, type JobHandler } from '#queue';

/** Compares a live room with LiveKit's participant list (and again later while it is live). */
@Injectable()
export class ReconcileAttendanceJob implements JobHandler<ReconcilePayload> {
  readonly jobName = AttendanceJob.Reconcile;

  constructor(private readonly attendance: AttendanceService) {}

  handle({ sessionId, mode }: ReconcilePayload): Promise<void> {
    return this.attendance.reconcile(sessionId, mode);
  }
}
