import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CurriculaModule } from '#curricula';
import { GroupsModule } from '#groups';
import { CalendarFeedService } from './calendar-feed.service.js';
import { GroupSetupService } from './group-setup.service.js';
import { MemberGroupsService } from './member-groups.service.js';
import { SessionAccess } from './session-access.js';
import { SessionAgendaService } from './session-agenda.service.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { SessionScheduleService } from './session-schedule.service.js';
import { Session } from './session.entity.js';
import { SessionRepository } from './session.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([Session]), GroupsModule, CurriculaModule],
  providers: [
    SessionRepository,
    SessionAccess,
    SessionAgendaService,
    GroupSetupService,
    SessionScheduleService,
    SessionLifecycleService,
    CalendarFeedService,
    MemberGroupsService,
  ],
  exports: [
    SessionRepository,
    SessionAccess,
    SessionAgendaService,
    GroupSetupService,
    SessionScheduleService,
    SessionLifecycleService,
    CalendarFeedService,
    MemberGroupsService,
    GroupsModule,
    CurriculaModule,
  ],
})
export class SessionsModule {}
