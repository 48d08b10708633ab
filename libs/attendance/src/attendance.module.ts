import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { RemindersModule } from '#reminders';
import { VideoModule } from '#video';
import { WebinarsModule } from '#webinars';
import { AbsenceFollowUp } from './absence-follow-up.entity.js';
import { AttendanceEvent } from './attendance-event.entity.js';
import { AttendanceReportService } from './attendance-report.service.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceRepository } from './attendance.repository.js';
import { AttendanceService } from './attendance.service.js';
import { WebinarAttendanceService } from './webinar-attendance.service.js';
import { RoomClosingListener } from './room-closing.listener.js';
import { AttendancePersonalData } from './personal-data/attendance-personal-data.js';
import { AttendancePersonalDataRepository } from './personal-data/attendance-personal-data.repository.js';
import { AttendanceEventQueue } from './process-attendance-event/attendance-event.queue.js';
import { ReconcileAttendanceQueue } from './reconcile-attendance/reconcile-attendance.queue.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([AttendanceEvent, Attendance, AbsenceFollowUp]),
    VideoModule,
    WebinarsModule,
    RemindersModule,
    AuditModule,
  ],
  providers: [
    AttendanceRepository,
    AttendanceService,
    AttendanceReportService,
    WebinarAttendanceService,
    AttendanceEventQueue,
    ReconcileAttendanceQueue,
    RoomClosingListener,
    AttendancePersonalDataRepository,
    AttendancePersonalData,
  ],
  exports: [AttendanceService, AttendanceReportService, WebinarAttendanceService],
})
export class AttendanceModule {}
