import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Transactions, type Tx } from '#database';
import {
  HoldsPersonalData,
  type PersonalDataHolder,
  type PersonalDataSubject,
  purgeAuditEvents,
} from '#identity';
import {
  ClinicalPersonalDataRepository,
  type OrganizationRecord,
} from './clinical-personal-data.repository.js';

/**
 * The clinical record about a person: their measure answers, risk alerts, homework with their
 * reflections, incidents and side rooms, and the individual notes facilitators wrote about them (participants never read notes in the app; the export is
 * how they get their data). Every export leaves audit rows; erasure keeps the record for the
 * organization's retention period, then the purge deletes it.
 */
@HoldsPersonalData()
@Injectable()
export class ClinicalPersonalData implements PersonalDataHolder {
  readonly section = 'clinical';

  constructor(
    private readonly records: ClinicalPersonalDataRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
  ) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    const measures = await this.records.measures(userId);
    const riskAlerts = await this.records.riskAlerts(userId);
    const memberNotes = await this.records.memberNotes(userId);
    const homework = await this.records.homework(userId);
    const incidents = await this.records.incidents(userId);
    const sideRooms = await this.records.sideRooms(userId);
    for (const [resourceType, rows] of [
      ['measure_responses', measures],
      ['risk_alerts', riskAlerts],
      ['member_notes', memberNotes],
      ['homework', homework],
      ['incidents', incidents],
      ['side_rooms', sideRooms],
    ] as const) {
      for (const organizationId of organizationsOf(rows)) {
        await this.audit.record({
          organizationId,
          actorId: userId,
          action: 'export',
          resourceType,
          subjectUserIds: [userId],
        });
      }
    }
    return { measures, riskAlerts, memberNotes, homework, incidents, sideRooms };
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

const organizationsOf = (rows: readonly OrganizationRecord[]) =>
  new Set(rows.map((row) => row.organizationId));
