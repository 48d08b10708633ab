import { Injectable } from '@nestjs/common';
import { ClinicalAudit } from '#audit';
import { Clock, NotFoundError } from '#common';
import { EnrollmentRepository, facilitatorsOnly, type Group, GroupAccess } from '#groups';
import type {
  GroupJoinRequestList,
  GroupJoinRequestView,
  JoinRequestDecisionView,
} from './dto/directory.view.js';
import { JoinRequestAdmission } from './join-request-admission.js';
import { answerLanguage, MESSAGES } from './join-request-messages.js';
import { JoinRequestNotices } from './join-request-notices.js';
import { assertMove } from './join-request-state.js';
import type { JoinRequest } from './join-request.entity.js';
import { type GroupJoinRequestRow, JoinRequestRepository } from './join-request.repository.js';
import { joinRequestNotFound } from './join-requests.service.js';

const decision = ({ id, status, message }: JoinRequest): JoinRequestDecisionView => ({
  id,
  status,
  message,
});

/**
 * The facilitators' side of requests: the list, approving (a seat, or the waitlist when full)
 * and declining with a kind message. A screening's score is clinical: clinician facilitators
 * read it, each read audited; a peer supporter sees only that it was answered.
 */
@Injectable()
export class JoinRequestDecisions {
  constructor(
    private readonly requests: JoinRequestRepository,
    private readonly access: GroupAccess,
    private readonly enrollments: EnrollmentRepository,
    private readonly admission: JoinRequestAdmission,
    private readonly notices: JoinRequestNotices,
    private readonly audit: ClinicalAudit,
    private readonly clock: Clock,
  ) {}

  async list(groupId: string, actorId: string): Promise<GroupJoinRequestList> {
    const { group, role, clinician } = await this.access.requireViewer(groupId, actorId);
    if (role !== 'facilitator') throw facilitatorsOnly();
    const rows = await this.requests.listForGroup(group.id);
    const screened = rows.filter((row) => row.screeningInstrument);
    if (clinician && screened.length) {
      await this.audit.record({
        organizationId: group.organizationId,
        actorId,
        action: 'read',
        resourceType: 'join_request_screening',
        resourceId: group.id,
        subjectUserIds: [...new Set(screened.map((row) => row.userId))],
      });
    }
    const active = await this.enrollments.countActive(group.id);
    return {
      items: rows.map((row) => this.view(row, clinician)),
      full: active >= group.capacity,
    };
  }

  async approve(requestId: string, actorId: string): Promise<JoinRequestDecisionView> {
    const { request, group } = await this.facilitated(requestId, actorId);
    return decision(await this.admission.admit(request, group, actorId, actorId));
  }

  /** Declines with the facilitator's message, or a kind default in the person's language. */
  async decline(
    requestId: string,
    actorId: string,
    message?: string,
  ): Promise<JoinRequestDecisionView> {
    const { request } = await this.facilitated(requestId, actorId);
    assertMove(request.status, 'declined');
    const text = message || MESSAGES[answerLanguage(request.language)].decline;
    const moved = await this.requests.move(request.id, 'pending', 'declined', {
      decidedAt: this.clock.now(),
      decidedBy: actorId,
      message: text,
    });
    if (!moved) {
      const current = (await this.requests.findById(request.id))!;
      assertMove(current.status, 'declined');
      return decision(current);
    }
    await this.notices.answered(moved);
    return decision(moved);
  }

  /** The request and its group, for one of the group's facilitators; a stranger gets a 404. */
  private async facilitated(
    requestId: string,
    actorId: string,
  ): Promise<{ request: JoinRequest; group: Group }> {
    const request = await this.requests.findById(requestId);
    if (!request) throw joinRequestNotFound();
    const group = await this.access
      .requireFacilitator(request.groupId, actorId)
      .catch((error: unknown) => {
        throw error instanceof NotFoundError ? joinRequestNotFound() : error;
      });
    return { request, group };
  }

  private view(row: GroupJoinRequestRow, clinician: boolean): GroupJoinRequestView {
    const screening =
      row.screeningInstrument &&
      (clinician
        ? {
            instrument: row.screeningInstrument,
            answered: true as const,
            score: row.screeningScore!,
            answers: row.screeningAnswers!,
          }
        : { instrument: row.screeningInstrument, answered: true as const });
    return {
      id: row.id,
      userId: row.userId,
      displayName: row.displayName,
      status: row.status,
      note: row.note,
      screening: screening || null,
      message: row.message,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
    };
  }
}
