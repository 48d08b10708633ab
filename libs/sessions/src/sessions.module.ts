import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CurriculaModule } from '#curricula';
import { GroupsModule } from '#groups';
import { CalendarFeedService } from './calendar-feed.service.js';
import { ExtendSchedulesQueue } from './extend-schedules/extend-schedules.queue.js';
import { GroupSetupService } from './group-setup.service.js';
import { RollingScheduleService } from './rolling-schedule.service.js';
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
    RollingScheduleService,
    ExtendSchedulesQueue,
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
    RollingScheduleService,
    ExtendSchedulesQueue,
    GroupsModule,
    CurriculaModule,
  ],
})
export class SessionsModule {}
