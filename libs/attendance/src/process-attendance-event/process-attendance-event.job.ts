import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { AttendanceService } from '../attendance.service.js';
import {
  PROCESS_ATTENDANCE_EVENT_JOB,
  type ProcessEventPayload,
} from './attendance-event.queue.js';

/** In the worker: applies one stored LiveKit event to the attendance of its session or webinar. */
@Injectable()
export class ProcessAttendanceEventJob implements JobHandler<ProcessEventPayload> {
  readonly jobName = PROCESS_ATTENDANCE_EVENT_JOB;

  constructor(private readonly attendance: AttendanceService) {}

  handle({ eventId }: ProcessEventPayload): Promise<void> {
    return this.attendance.process(eventId);
  }
}
