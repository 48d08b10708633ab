import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#notifications';
import { OrganizationsModule } from '#organizations';
import { VideoModule } from '#video';
import { QuestionRepository } from './question.repository.js';
import { QuestionsService } from './questions.service.js';
import { RegistrationRepository } from './registration.repository.js';
import { WebinarAccess } from './webinar-access.service.js';
import { WebinarAttendanceRepository } from './webinar-attendance.repository.js';
import { WebinarHostsService } from './webinar-hosts.service.js';
import {
  Question,
  QuestionVote,
  Registration,
  Webinar,
  WebinarAttendance,
  WebinarHost,
  WebinarReminderDelivery,
  WebinarSpeaker,
} from './webinar.entity.js';
import { WebinarMailService } from './webinar-mail.service.js';
import { WebinarReminderSender } from './webinar-reminder.sender.js';
import { WebinarRepository } from './webinar.repository.js';
import { WebinarsService } from './webinars.service.js';
import { WebinarConfirmationQueue } from './send-webinar-confirmation/webinar-confirmation.queue.js';
import { WebinarReminderQueue } from './send-webinar-reminder/webinar-reminder.queue.js';
import { WebinarSpeakerInvitationQueue } from './send-webinar-speaker-invitation/webinar-speaker-invitation.queue.js';
import { WebinarsPersonalData } from './personal-data/webinars-personal-data.js';
import { WebinarsPersonalDataRepository } from './personal-data/webinars-personal-data.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Webinar,
      WebinarHost,
      WebinarSpeaker,
      Registration,
      Question,
      QuestionVote,
      WebinarAttendance,
      WebinarReminderDelivery,
    ]),
    VideoModule,
    NotificationsModule,
    OrganizationsModule,
  ],
  providers: [
    QuestionRepository,
    RegistrationRepository,
    WebinarAccess,
    WebinarAttendanceRepository,
    WebinarHostsService,
    WebinarRepository,
    WebinarsService,
    QuestionsService,
    WebinarReminderSender,
    WebinarMailService,
    WebinarConfirmationQueue,
    WebinarSpeakerInvitationQueue,
    WebinarReminderQueue,
    WebinarsPersonalDataRepository,
    WebinarsPersonalData,
  ],
  exports: [
    WebinarAccess,
    WebinarRepository,
    RegistrationRepository,
    WebinarAttendanceRepository,
    WebinarHostsService,
    WebinarsService,
    QuestionsService,
    WebinarReminderSender,
    WebinarMailService,
  ],
})
export class WebinarsModule {}
