import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { ClinicalModule } from '#clinical';
import { GroupsModule } from '#groups';
import { NotificationsModule } from '#notifications';
import { RemindersModule } from '#reminders';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import { GroupListing } from './group-listing.entity.js';
import { JoinRequestEmailQueue } from './join-request-email/join-request-email.queue.js';
import { JoinRequestAdmission } from './join-request-admission.js';
import { JoinRequestDecisions } from './join-request-decisions.service.js';
import { JoinRequestNotices } from './join-request-notices.js';
import { JoinRequest } from './join-request.entity.js';
import { JoinRequestRepository } from './join-request.repository.js';
import { JoinRequestsService } from './join-requests.service.js';
import { DirectoryPersonalData } from './personal-data/directory-personal-data.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([GroupListing, JoinRequest]),
    GroupsModule,
    ClinicalModule,
    RemindersModule,
    NotificationsModule,
    AuditModule,
  ],
  providers: [
    DirectoryRepository,
    JoinRequestRepository,
    DirectoryService,
    JoinRequestsService,
    JoinRequestDecisions,
    JoinRequestAdmission,
    JoinRequestNotices,
    JoinRequestEmailQueue,
    DirectoryPersonalData,
  ],
  exports: [
    DirectoryService,
    JoinRequestsService,
    JoinRequestDecisions,
    JoinRequestRepository,
    JoinRequestEmailQueue,
  ],
})
export class DirectoryModule {}
