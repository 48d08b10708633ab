import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';
import { ClinicalAudit } from './audit.service.js';
import { AuditPersonalData } from './personal-data/audit-personal-data.js';
import { AuditPersonalDataRepository } from './personal-data/audit-personal-data.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditRepository, ClinicalAudit, AuditPersonalDataRepository, AuditPersonalData],
  exports: [ClinicalAudit],
})
export class AuditModule {}
