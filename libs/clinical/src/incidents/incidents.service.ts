import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, NotFoundError } from '#common';
import { Transactions } from '#database';
import { SessionAccess } from '#sessions';
import { type IncidentRow, IncidentRepository } from './incident.repository.js';
import type { IncidentList, IncidentView, RecordIncidentDto } from './incidents.view.js';

/**
 * The incident record of a session: facilitators of the group (and the organization's owners
 * and admins) add and read it; nobody edits it. Every read and write is audited.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly access: SessionAccess,
    private readonly incidents: IncidentRepository,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly clock: Clock,
  ) {}

  async record(
    sessionId: string,
    actorId: string,
    input: RecordIncidentDto,
  ): Promise<IncidentView> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const subjectUserId = input.userId ?? null;
    if (subjectUserId) {
      const { standing } = await this.access.relation(session.id, subjectUserId);
      if (!standing.enrollmentStatus) {
        throw new NotFoundError('member_not_found', 'No such member of this group');
      }
    }
    if (input.correctsId && !(await this.incidents.existsInSession(input.correctsId, session.id))) {
      throw new NotFoundError('incident_not_found', 'No such incident in this session');
    }
    const added = await this.transactions.run(async (tx) => {
      const incident = await this.incidents.add(
        {
          sessionId: session.id,
          subjectUserId,
          kind: input.kind,
          description: input.description,
          actionsTaken: input.actionsTaken,
          correctsId: input.correctsId ?? null,
          reportedById: actorId,
          createdAt: this.clock.now(),
        },
        tx,
      );
      await this.audit.record(
        {
          organizationId: group.organizationId,
          actorId,
          action: 'create',
          resourceType: 'incident',
          resourceId: incident.id,
          subjectUserIds: subjectUserId ? [subjectUserId] : [],
        },
        tx,
      );
      return incident;
    });
    const row = (await this.incidents.forSession(session.id)).find((i) => i.id === added.id)!;
    return incidentView(row);
  }

  async list(sessionId: string, actorId: string): Promise<IncidentList> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const rows = await this.incidents.forSession(session.id);
    const subjects = [...new Set(rows.flatMap((r) => (r.subjectUserId ? [r.subjectUserId] : [])))];
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'incidents',
      resourceId: session.id,
      subjectUserIds: subjects,
    });
    return { items: rows.map(incidentView) };
  }
}

const incidentView = (row: IncidentRow): IncidentView => ({
  id: row.id,
  sessionId: row.sessionId,
  userId: row.subjectUserId,
  displayName: row.subjectDisplayName,
  legalName: row.subjectLegalName,
  kind: row.kind,
  description: row.description,
  actionsTaken: row.actionsTaken,
  correctsId: row.correctsId,
  reportedById: row.reportedById,
  reportedByName: row.reportedByDisplayName ?? '',
  createdAt: row.createdAt,
});
