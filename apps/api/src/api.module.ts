import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ClockModule, LoggingModule } from '#common';
import type { AppConfig } from '#config';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { HealthModule } from '#health';
import { OrganizationsModule } from '#organizations';
import { AttendanceModule } from '#attendance';
import { AuditModule } from '#audit';
import { ClinicalModule } from '#clinical';
import { CommunityModule } from '#community';
import { DirectoryModule } from '#directory';
import { RemindersModule } from '#reminders';
import { WebinarsModule } from '#webinars';
import { VideoModule } from '#video';
import { QueueModule } from '#queue';
import { ResourcesModule } from '#resources';
import { AccessTokenGuard } from './auth/access-token.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { ErrorResponseFilter } from './common/error-response.filter.js';
import { CurriculaController } from './curricula/curricula.controller.js';
import { GroupsController } from './groups/groups.controller.js';
import { MemberGroupsController } from './groups/member-groups.controller.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { VideoController } from './video/video.controller.js';
import { AttendanceController } from './attendance/attendance.controller.js';
import { AuditController } from './organizations/audit.controller.js';
import { NotesController } from './clinical/notes.controller.js';
import { CrisisResourcesController } from './clinical/crisis-resources.controller.js';
import { MeasuresController } from './clinical/measures.controller.js';
import { HomeworkController } from './clinical/homework.controller.js';
import { IncidentsController } from './clinical/incidents.controller.js';
import { SideRoomsController } from './clinical/side-rooms.controller.js';
import { WebhooksController } from './attendance/webhooks.controller.js';
import { WebinarAttendanceController } from './attendance/webinar-attendance.controller.js';
import { WebinarsController } from './webinars/webinars.controller.js';
import { HealthController } from './health/health.controller.js';
import { MeController } from './me/me.controller.js';
import { InvitationsController } from './organizations/invitations.controller.js';
import { OrganizationAccessGuard } from './organizations/organization-access.guard.js';
import { OrganizationsController } from './organizations/organizations.controller.js';
import { ModerationController } from './community/moderation.controller.js';
import { PostsController } from './community/posts.controller.js';
import { SpaceController } from './community/space.controller.js';
import { DirectoryController } from './directory/directory.controller.js';
import { JoinRequestsController } from './directory/join-requests.controller.js';
import { ModuleResourcesController } from './resources/module-resources.controller.js';
import { ResourcesController } from './resources/resources.controller.js';

/** The HTTP api: controllers only; it produces jobs and never processes them. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ClockModule,
        DatabaseModule.forRoot({ runMigrations: true }),
        EventEmitterModule.forRoot(),
        QueueModule.forRoot(),
        HealthModule,
        OrganizationsModule,
        VideoModule,
        RemindersModule,
        AttendanceModule,
        WebinarsModule,
        AuditModule,
        ClinicalModule,
        CommunityModule,
        DirectoryModule,
        ResourcesModule,
      ],
      controllers: [
        AuthController,
        MeController,
        OrganizationsController,
        InvitationsController,
        CurriculaController,
        GroupsController,
        MemberGroupsController,
        SessionsController,
        CalendarController,
        VideoController,
        WebhooksController,
        AttendanceController,
        WebinarsController,
        WebinarAttendanceController,
        AuditController,
        NotesController,
        CrisisResourcesController,
        MeasuresController,
        HomeworkController,
        SideRoomsController,
        IncidentsController,
        PostsController,
        ModerationController,
        SpaceController,
        DirectoryController,
        JoinRequestsController,
        ResourcesController,
        ModuleResourcesController,
        HealthController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        // Order matters: who is asking first, then what they may do in the organization.
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_GUARD, useClass: OrganizationAccessGuard },
      ],
    };
  }
}
