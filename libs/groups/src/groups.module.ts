import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { CurriculaModule } from '#curricula';
import { OrganizationsModule } from '#organizations';
import { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { EnrollmentService } from './enrollment.service.js';
import { GroupAccess } from './group-access.service.js';
import { GroupCoFacilitator } from './group-co-facilitator.entity.js';
import { GroupConsent } from './group-consent.entity.js';
import { Group } from './group.entity.js';
import { GroupRepository } from './group.repository.js';
import { GroupService } from './group.service.js';
import { GroupsPersonalData } from './personal-data/groups-personal-data.js';
import { GroupsPersonalDataRepository } from './personal-data/groups-personal-data.repository.js';
import { WaitlistPromotionEmailQueue } from './send-waitlist-promotion-email/waitlist-promotion-email.queue.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Group, GroupCoFacilitator, Enrollment, GroupConsent]),
    // Groups pin curriculum versions (a foreign key), so those entities must be registered too.
    CurriculaModule,
    OrganizationsModule,
    AuditModule,
  ],
  providers: [
    GroupRepository,
    EnrollmentRepository,
    GroupAccess,
    EnrollmentService,
    GroupService,
    WaitlistPromotionEmailQueue,
    GroupsPersonalDataRepository,
    GroupsPersonalData,
  ],
  exports: [
    GroupRepository,
    EnrollmentRepository,
    GroupAccess,
    EnrollmentService,
    GroupService,
    CurriculaModule,
    OrganizationsModule,
  ],
})
export class GroupsModule {}
