import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#notifications/notifications.module.js';
import { VideoModule } from '#video/video.module.js';
import { QuestionRepository } from './question.repository.js';
import { QuestionsService } from './questions.service.js';
import { RegistrationRepository } from './registration.repository.js';
import { WebinarAccess } from './webinar-access.service.js';
import {
  Question,
  QuestionVote,
  Registration,
  Webinar,
  WebinarAttendance,
  WebinarReminderDelivery,
  WebinarSpeaker,
} from './webinar.entity.js';
import { WebinarMailService } from './webinar-mail.service.js';
import { WebinarReminderSender } from './webinar-reminder.sender.js';
import { WebinarsService } from './webinars.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Webinar,
      WebinarSpeaker,
      Registration,
      Question,
      QuestionVote,
      WebinarAttendance,
      WebinarReminderDelivery,
    ]),
    VideoModule,
    NotificationsModule,
  ],
  providers: [
    QuestionRepository,
    RegistrationRepository,
    WebinarAccess,
    WebinarsService,
    QuestionsService,
    WebinarReminderSender,
    WebinarMailService,
  ],
  exports: [
    WebinarAccess,
    WebinarsService,
    QuestionsService,
    WebinarReminderSender,
    WebinarMailService,
  ],
})
export class WebinarsModule {}
