import { Processor } from '@nestjs/bullmq';
import { QueueName } from '#queue';
import { ProcessAttendanceEventJob } from '../jobs/process-attendance-event.job.js';
import { ReconcileAttendanceJob } from '../jobs/reconcile-attendance.job.js';
import { DispatchingProcessor } from './dispatching-processor.js';

// Fixed at load time, like the reminders processor: read from the environment AppConfig checks.
const lockDuration = Number(process.env.QUEUE_LOCK_DURATION_MS ?? 30_000);

@Processor(QueueName.Attendance, { concurrency: 8, lockDuration, stalledInterval: lockDuration })
export class AttendanceProcessor extends DispatchingProcessor {
  constructor(processEvent: ProcessAttendanceEventJob, reconcile: ReconcileAttendanceJob) {
    super(QueueName.Attendance, [processEvent, reconcile]);
  }
}
