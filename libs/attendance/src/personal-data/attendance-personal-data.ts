import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Transactions, type Tx } from '#database';
import {
  HoldsPersonalData,
  type PersonalDataHolder,
  type PersonalDataSubject,
  purgeAuditEvents,
} from '#identity';
import { AttendancePersonalDataRepository } from './attendance-personal-data.repository.js';

/**
 * Attendance is part of the clinical record: exporting it is audited, erasure keeps it (the
 * roster shows a "Former member") until the organization's retention ends, then it is purged.
 */
@HoldsPersonalData()
@Injectable()
export class AttendancePersonalData implements PersonalDataHolder {
  readonly section = 'attendance';

  constructor(
    private readonly records: AttendancePersonalDataRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
  ) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    const sessions = await this.records.attendance(userId);
    for (const organizationId of new Set(sessions.map((row) => row.organizationId))) {
      await this.audit.record({
        organizationId,
        actorId: userId,
        action: 'export',
        resourceType: 'attendance',
        subjectUserIds: [userId],
      });
    }
    return { sessions, absenceFollowUps: await this.records.absenceFollowUps(userId) };
  }

  async erase({ userId }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.records.erase(userId, tx);
  }

  async purgeExpired(now: Date): Promise<void> {
    await this.transactions.run(async (tx) => {
      const purged = await this.records.purgeExpired(now, tx);
      for (const event of purgeAuditEvents(purged)) await this.audit.record(event, tx);
    });
  }
}
