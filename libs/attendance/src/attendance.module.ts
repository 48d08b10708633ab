import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RemindersModule } from '#reminders/reminders.module.js';
import { VideoModule } from '#video/video.module.js';
import { WebinarsModule } from '#webinars/webinars.module.js';
import { AbsenceFollowUp } from './absence-follow-up.entity.js';
import { AttendanceEvent } from './attendance-event.entity.js';
import { AttendanceReportService } from './attendance-report.service.js';
import { Attendance } from './attendance.entity.js';
import { AttendanceRepository } from './attendance.repository.js';
import { AttendanceService } from './attendance.service.js';
import { WebinarAttendanceService } from './webinar-attendance.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([AttendanceEvent, Attendance, AbsenceFollowUp]),
    VideoModule,
    WebinarsModule,
    RemindersModule,
  ],
  providers: [
    AttendanceRepository,
    AttendanceService,
    AttendanceReportService,
    WebinarAttendanceService,
  ],
  exports: [AttendanceService, AttendanceReportService, WebinarAttendanceService],
})
export class AttendanceModule {}
