import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { GroupAccess } from '#groups';
import { CrisisResourcesService } from '../crisis/crisis-resources.service.js';
import { MEASURE_TRANSLATIONS, measureLanguage } from '../instrument-translations.js';
import { ANSWER_OPTIONS, isRisk, MEASURE_KEYS, MEASURES, scoreMeasure } from '../instruments.js';
import { RiskAlertEmailQueue } from '../send-risk-alert-email/risk-alert-email.queue.js';
import { type LiveMeasureRequest, MeasureRepository } from './measure.repository.js';
import { summarizeTrend } from './trend.js';
import type {
  GroupMeasureSettingsDto,
  GroupTrendPointView,
  GroupTrendsView,
  MemberTrendView,
  GroupMeasureSettingsView,
  MeasureList,
  MeasureRequestList,
  MeasureRequestView,
  MeasureResult,
} from './measures.view.js';

/** A member's requests stay listed this many days after their session started. */
const RECENT_DAYS = 14;

/** Rows by key, in the order met (Node 20 has no Map.groupBy). */
function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const requestNotFound = () =>
  new NotFoundError('measure_request_not_found', 'No such measure request');

/**
 * Measures before sessions: a group turns PHQ-9 and GAD-7 on and says how often; each member is
 * asked `MEASURE_REQUEST_LEAD_HOURS` before a session and may answer until it starts. A PHQ-9
 * answer of more than 0 on item 9 shows the person crisis resources at once and opens an alert
 * for the facilitators, who are e-mailed without any detail.
 */
@Injectable()
export class MeasuresService {
  private readonly logger = new Logger(MeasuresService.name);

  constructor(
    private readonly measures: MeasureRepository,
    private readonly groups: GroupAccess,
    private readonly crisis: CrisisResourcesService,
    private readonly alertEmails: RiskAlertEmailQueue,
    private readonly transactions: Transactions,
    private readonly audit: ClinicalAudit,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The instruments with their items and answers in `locale`'s language (en, bn or id). */
  instruments(locale: string): MeasureList {
    const language = measureLanguage(locale);
    const translation = language === 'en' ? null : MEASURE_TRANSLATIONS[language];
    return {
      language,
      items: MEASURE_KEYS.map((key) => {
        const text = translation?.measures[key] ?? MEASURES[key];
        return {
          key,
          title: MEASURES[key].title,
          stem: text.stem,
          items: text.items.map((item, i) => ({ index: i + 1, text: item })),
          options: ANSWER_OPTIONS.map(({ value, label }) => ({
            value,
            label: translation?.options[value] ?? label,
          })),
        };
      }),
    };
  }

  async settings(groupId: string, actorId: string): Promise<GroupMeasureSettingsView> {
    const group = await this.groups.requireClinician(groupId, actorId);
    const settings = await this.measures.settings(group.id);
    return {
      groupId: group.id,
      measures: settings?.measures ?? [],
      measureEverySessions: settings?.everySessions ?? 1,
    };
  }

  async updateSettings(
    groupId: string,
    actorId: string,
    input: GroupMeasureSettingsDto,
  ): Promise<GroupMeasureSettingsView> {
    const current = await this.settings(groupId, actorId);
    if (input.measures?.length) {
      const group = await this.groups.requireClinician(groupId, actorId);
      if (!(await this.groups.hasClinicianFacilitator(group))) {
        throw new InvalidInputError(
          'measures_need_clinician',
          'Measures need a clinical facilitator: make a therapist the lead or a co-facilitator first',
          'measures',
        );
      }
    }
    await this.measures.saveSettings({
      groupId: current.groupId,
      measures: input.measures ?? current.measures,
      everySessions: input.measureEverySessions ?? current.measureEverySessions,
    });
    return this.settings(groupId, actorId);
  }

  /**
   * Scores over sessions, per member and measure with response and remission, and the group's
   * mean per session; facilitators and the organization's owners and admins.
   */
  async trends(groupId: string, actorId: string): Promise<GroupTrendsView> {
    const { id, organizationId } = await this.groups.requireClinician(groupId, actorId);
    const rows = await this.measures.scoresOfGroup(id);
    await this.audit.record({
      organizationId,
      actorId,
      action: 'read',
      resourceType: 'measure_trends',
      resourceId: id,
      subjectUserIds: [...new Set(rows.map((r) => r.userId))],
    });
    const byMember = groupBy(rows, (row) => `${row.userId}/${row.measureKey}`);
    const items = [...byMember.values()].map((scores): MemberTrendView => {
      const { userId, displayName, legalName, measureKey } = scores[0];
      return {
        userId,
        displayName,
        legalName,
        measureKey,
        points: scores.map(({ sessionId, sequence, at, score, severity, language }) => ({
          sessionId,
          sequence,
          at,
          score,
          severity,
          language,
        })),
        summary: summarizeTrend(scores.map((s) => s.score))!,
      };
    });
    const bySession = groupBy(rows, (row) => `${row.sessionId}/${row.measureKey}`);
    const group = [...bySession.values()]
      .map((scores): GroupTrendPointView => {
        const mean = scores.reduce((sum, s) => sum + s.score, 0) / scores.length;
        const { sessionId, sequence, measureKey } = scores[0];
        return {
          sessionId,
          sequence,
          measureKey,
          mean: Math.round(mean * 10) / 10,
          count: scores.length,
        };
      })
      .sort((a, b) => a.sequence - b.sequence || a.measureKey.localeCompare(b.measureKey));
    return { items, group };
  }

  /** The caller's requests: those open now, answered, or expired lately. */
  async mine(userId: string): Promise<MeasureRequestList> {
    const now = this.clock.now();
    const lead = this.config.MEASURE_REQUEST_LEAD_HOURS;
    await this.measures.openDue(now, lead, userId);
    const since = DateTime.fromJSDate(now).minus({ days: RECENT_DAYS }).toJSDate();
    const requests = await this.measures.listForUser(userId, since, now, lead);
    return { items: requests.map((request) => this.requestView(request, now)) };
  }

  /**
   * Scores the person's answers to one request, once. Sent again (a lost answer, a second tap)
   * it answers what was stored, resources included: the person is never left without them.
   */
  async respond(
    userId: string,
    requestId: string,
    answers: unknown,
    locale: string,
  ): Promise<MeasureResult> {
    const context = await this.transactions.run(async (tx) => {
      const request = await this.measures.lockRequest(
        requestId,
        userId,
        this.config.MEASURE_REQUEST_LEAD_HOURS,
        tx,
      );
      const now = this.clock.now();
      if (!request || now < request.opensAt) throw requestNotFound();
      const session = (await this.measures.sessionContext(request.sessionId))!;
      if (request.completedAt) {
        const stored = (await this.measures.responseTo(request.id))!;
        const scored = { score: stored.score, severity: stored.severity, risk: isRisk(stored) };
        return { scored, alert: null, organizationId: session.organizationId };
      }
      if (now >= request.expiresAt) {
        throw new ConflictError(
          'measure_request_expired',
          'This measure closed when the session started',
        );
      }
      const scored = scoreMeasure(request.measureKey, answers);
      const response = await this.measures.complete(
        request,
        {
          requestId: request.id,
          sessionId: request.sessionId,
          userId,
          measureKey: request.measureKey,
          answers: answers as number[],
          score: scored.score,
          severity: scored.severity,
          language: measureLanguage(locale),
          createdAt: now,
        },
        tx,
      );
      const alert = scored.risk
        ? await this.measures.addAlert(
            {
              sessionId: request.sessionId,
              userId,
              responseId: response.id,
              kind: 'phq9_item9',
              createdAt: now,
              resolvedAt: null,
              resolvedById: null,
              resolution: null,
              notifiedAt: null,
            },
            tx,
          )
        : null;
      await this.audit.record(
        {
          organizationId: session.organizationId,
          actorId: userId,
          action: 'create',
          resourceType: 'measure_response',
          resourceId: response.id,
          subjectUserIds: [userId],
        },
        tx,
      );
      return { scored, alert, organizationId: session.organizationId };
    });
    // The resources first: whatever happens to the queue, the person sees where to turn.
    const resources = context.scored.risk
      ? (await this.crisis.forLocale(locale, context.organizationId)).items
      : [];
    if (context.alert) {
      const alertId = context.alert.id;
      // A lost enqueue is not lost for good: the check-in round queues unnotified alerts again.
      await this.alertEmails.add({ alertId }).catch((error: unknown) => {
        this.logger.error({ err: error }, `Queueing risk alert ${alertId} failed`);
      });
    }
    return {
      score: context.scored.score,
      severity: context.scored.severity,
      crisisResources: resources,
    };
  }

  private requestView(request: LiveMeasureRequest, now: Date): MeasureRequestView {
    return {
      id: request.id,
      measureKey: request.measureKey,
      sessionId: request.sessionId,
      dueAt: request.opensAt,
      expiresAt: request.expiresAt,
      status: request.completedAt
        ? 'completed'
        : now.getTime() >= request.expiresAt.getTime()
          ? 'expired'
          : 'due',
    };
  }
}
