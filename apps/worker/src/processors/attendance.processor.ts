import { Processor } from '@nestjs/bullmq';
import { QueueName } from '#queue';
import { ProcessAttendanceEventJob, ReconcileAttendanceJob } from '#attendance';
import { DispatchingProcessor } from './dispatching-processor.js';

// The lock settings come from the config (worker-options.ts).
@Processor(QueueName.Attendance, { concurrency: 8 })
export class AttendanceProcessor extends DispatchingProcessor {
  constructor(processEvent: ProcessAttendanceEventJob, reconcile: ReconcileAttendanceJob) {
    super(QueueName.Attendance, [processEvent, reconcile]);
  }
}
