import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#common';
import { EnrollmentRepository, GroupAccess, GroupRepository } from '#groups';
import { OrganizationsService } from '#organizations';
import { listingNotFound } from './directory.service.js';
import { DirectoryRepository } from './directory.repository.js';
import type { CreateJoinRequestDto } from './dto/directory.dto.js';
import type { MyJoinRequestList, MyJoinRequestView } from './dto/directory.view.js';
import { JoinRequestAdmission } from './join-request-admission.js';
import { answerLanguage } from './join-request-messages.js';
import { JoinRequestNotices } from './join-request-notices.js';
import { assertMove } from './join-request-state.js';
import type { JoinRequest } from './join-request.entity.js';
import { JoinRequestRepository } from './join-request.repository.js';
import { screeningScore } from './screening.js';

/**
 * A person declined may ask the same group again after this many days: "later", as the decline
 * message says, without letting one person fill the facilitators' queue with the same request.
 */
export const ASK_AGAIN_AFTER_DAYS = 30;

export const joinRequestNotFound = () =>
  new NotFoundError('join_request_not_found', 'No such request to join');

const myView = (
  request: JoinRequest,
  group: { name: string; organizationId: string },
): MyJoinRequestView => ({
  id: request.id,
  groupId: request.groupId,
  groupName: group.name,
  organizationId: group.organizationId,
  status: request.status,
  note: request.note,
  message: request.message,
  createdAt: request.createdAt,
  decidedAt: request.decidedAt,
});

/** A person's side of requests to join: asking, seeing the answers, withdrawing. */
@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly requests: JoinRequestRepository,
    private readonly directory: DirectoryRepository,
    private readonly groups: GroupRepository,
    private readonly access: GroupAccess,
    private readonly enrollments: EnrollmentRepository,
    private readonly organizations: OrganizationsService,
    private readonly admission: JoinRequestAdmission,
    private readonly notices: JoinRequestNotices,
    private readonly clock: Clock,
  ) {}

  /**
   * Asks to join a group open to requests, agreeing to the organization's group agreement. A
   * drop-in group lets the person in at once while a seat is free; otherwise its facilitators
   * are told someone asked.
   */
  async create(
    groupId: string,
    userId: string,
    input: CreateJoinRequestDto,
    locale: string,
  ): Promise<MyJoinRequestView> {
    const group = await this.groups.findById(groupId);
    // Asked only of a group the directory shows: listed, not ended, with a meeting to come.
    const [listed] = group
      ? await this.directory.openGroups(group.organizationId, this.clock.now(), group.id)
      : [];
    if (!group || !listed) throw listingNotFound();
    if ((await this.access.roleOf(group, userId)) === 'facilitator') {
      throw new ConflictError('already_facilitates', 'You already facilitate this group');
    }
    const seat = await this.enrollments.find(group.id, userId);
    if (seat && seat.status !== 'withdrawn') {
      throw new ConflictError('already_in_group', 'You already have a place in this group');
    }
    await this.assertNotDeclinedRecently(group.id, userId);
    if (input.screening && input.screening.instrument !== listed.screening) {
      throw new InvalidInputError(
        'screening_not_asked',
        'This group does not ask for that screening',
        'screening.instrument',
      );
    }
    const { groupAgreement } = await this.organizations.get(group.organizationId);
    const request = await this.requests.insertPending({
      groupId: group.id,
      userId,
      note: input.note ?? '',
      language: answerLanguage(locale),
      agreementVersion: groupAgreement?.version ?? null,
      consentedAt: this.clock.now(),
      screeningInstrument: input.screening?.instrument ?? null,
      screeningAnswers: input.screening?.answers ?? null,
      screeningScore: input.screening ? screeningScore(input.screening.answers) : null,
    });
    if (!request) {
      throw new ConflictError('join_request_pending', 'You have already asked to join this group');
    }
    if (
      group.kind === 'drop_in' &&
      (await this.enrollments.countActive(group.id)) < group.capacity
    ) {
      const admitted = await this.admission
        .admit(request, group, group.leadFacilitatorId, null)
        .catch((error: unknown) => {
          // The lead no longer facilitates (left the organization): a facilitator decides.
          if (error instanceof ForbiddenError || error instanceof NotFoundError) return null;
          throw error;
        });
      if (admitted) return myView(admitted, group);
    }
    await this.notices.newRequest(group, userId);
    return myView(request, group);
  }

  private async assertNotDeclinedRecently(groupId: string, userId: string): Promise<void> {
    const declinedAt = await this.requests.lastDeclinedAt(groupId, userId);
    if (!declinedAt) return;
    const askAgainFrom = DateTime.fromJSDate(declinedAt).plus({ days: ASK_AGAIN_AFTER_DAYS });
    if (askAgainFrom.toJSDate() > this.clock.now()) {
      throw new ConflictError(
        'join_request_declined_recently',
        `This group answered your last request recently; you may ask again from ${askAgainFrom.toISODate()}`,
      );
    }
  }

  async mine(userId: string): Promise<MyJoinRequestList> {
    const rows = await this.requests.listForUser(userId);
    return {
      items: rows.map((row) =>
        myView(row, { name: row.groupName, organizationId: row.organizationId }),
      ),
    };
  }

  /** Withdraws the caller's pending request; someone else's is a 404. */
  async withdraw(requestId: string, userId: string): Promise<MyJoinRequestView> {
    const request = await this.requests.findById(requestId);
    if (!request || request.userId !== userId) throw joinRequestNotFound();
    assertMove(request.status, 'withdrawn');
    const moved = await this.requests.move(request.id, 'pending', 'withdrawn', {
      decidedAt: this.clock.now(),
    });
    const current = moved ?? (await this.requests.findById(request.id))!;
    if (!moved) assertMove(current.status, 'withdrawn');
    const group = (await this.groups.findById(current.groupId))!;
    return myView(current, group);
  }
}
