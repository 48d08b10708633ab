import { Injectable } from '@nestjs/common';
import { AttendanceService } from '#attendance';
import { AttendanceJob, type ProcessEventPayload, type JobHandler } from '#queue';

@Injectable()
export class ProcessAttendanceEventJob implements JobHandler<ProcessEventPayload> {
  readonly jobName = AttendanceJob.ProcessEvent;

  constructor(private readonly attendance: AttendanceService) {}

  handle({ eventId }: ProcessEventPayload): Promise<void> {
    return this.attendance.process(eventId);
  }
}
