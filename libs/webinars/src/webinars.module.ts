import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VideoModule } from '#video/video.module.js';
import { QuestionsService } from './questions.service.js';
import { WebinarAccess } from './webinar-access.service.js';
import { Question, QuestionVote, Registration, Webinar, WebinarSpeaker } from './webinar.entity.js';
import { WebinarsService } from './webinars.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Webinar, WebinarSpeaker, Registration, Question, QuestionVote]),
    VideoModule,
  ],
  providers: [WebinarAccess, WebinarsService, QuestionsService],
  exports: [WebinarAccess, WebinarsService, QuestionsService],
})
export class WebinarsModule {}
