import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, ForbiddenError, NotFoundError } from '#common';
import { Transactions } from '#database';
import { SessionAccess } from '#sessions';
import { MeasureRepository } from './measure.repository.js';
import type { RiskAlertList, RiskAlertView } from './measures.view.js';

const alertNotFound = () => new NotFoundError('alert_not_found', 'No such alert');

/** Risk alerts on the session page: the group's facilitators read and resolve them. */
@Injectable()
export class RiskAlertsService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly access: SessionAccess,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly clock: Clock,
  ) {}

  async forSession(sessionId: string, actorId: string): Promise<RiskAlertList> {
    const { session, group } = await this.access.requireClinician(sessionId, actorId);
    const alerts = await this.measures.alertsForSession(session.id, group.id);
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'risk_alerts',
      resourceId: session.id,
      subjectUserIds: [...new Set(alerts.map((a) => a.userId))],
    });
    return {
      items: alerts.map((a): RiskAlertView => ({
        id: a.id,
        sessionId: a.sessionId,
        userId: a.userId,
        displayName: a.displayName,
        legalName: a.legalName,
        kind: a.kind,
        createdAt: a.createdAt,
        resolvedAt: a.resolvedAt,
        resolvedById: a.resolvedById,
        resolution: a.resolution,
      })),
    };
  }

  /** Closes the alert with what was done; who and when are recorded. */
  async resolve(alertId: string, actorId: string, note: string): Promise<RiskAlertList> {
    const alert = await this.measures.findAlert(alertId);
    if (!alert) throw alertNotFound();
    const { session, group } = await this.access
      .requireClinician(alert.sessionId, actorId)
      .catch((error: unknown) => {
        // Only the group's facilitators may learn that the alert exists.
        if (error instanceof NotFoundError || error instanceof ForbiddenError)
          throw alertNotFound();
        throw error;
      });
    await this.transactions.run(async (tx) => {
      const resolved = await this.measures.resolveAlert(
        alert.id,
        { resolvedAt: this.clock.now(), resolvedById: actorId, resolution: note },
        tx,
      );
      if (!resolved) throw new ConflictError('alert_resolved', 'This alert is resolved already');
      await this.audit.record(
        {
          organizationId: group.organizationId,
          actorId,
          action: 'resolve',
          resourceType: 'risk_alert',
          resourceId: alert.id,
          subjectUserIds: [alert.userId],
        },
        tx,
      );
    });
    return this.forSession(session.id, actorId);
  }
}
