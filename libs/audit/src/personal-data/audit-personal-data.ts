import { Injectable } from '@nestjs/common';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { AuditPersonalDataRepository } from './audit-personal-data.repository.js';

/**
 * Every read and write of the person's clinical records (staff by role, not by name). The log is
 * append-only: erasure leaves it as it is, naming an account that is now a "Former member".
 */
@HoldsPersonalData()
@Injectable()
export class AuditPersonalData implements PersonalDataHolder {
  readonly section = 'audit';

  constructor(private readonly records: AuditPersonalDataRepository) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return { entries: await this.records.aboutPerson(userId) };
  }
}
