import { Injectable } from '@nestjs/common';
import { Clock, ConflictError } from '#common';
import { EnrollmentRepository, EnrollmentService, type Group } from '#groups';
import { MembershipRepository } from '#organizations';
import { assertMove } from './join-request-state.js';
import type { JoinRequest } from './join-request.entity.js';
import { JoinRequestNotices } from './join-request-notices.js';
import { JoinRequestRepository } from './join-request.repository.js';

/**
 * Lets a requester in through the enrollment machinery. The request is claimed first (pending to
 * approved, only if still pending), so a withdrawal or a decline that came first wins and nobody
 * is seated without a standing request; then the person becomes a participant of the
 * organization if they were not one, their consent given with the request is recorded for the
 * group, and they get a seat (or a waitlist place when the group is full) under the group's lock.
 */
@Injectable()
export class JoinRequestAdmission {
  constructor(
    private readonly requests: JoinRequestRepository,
    private readonly memberships: MembershipRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly enrollmentService: EnrollmentService,
    private readonly notices: JoinRequestNotices,
    private readonly clock: Clock,
  ) {}

  /**
   * `actorId` is the facilitator who approves, or the group's lead for a drop-in admitted at
   * once (`decidedBy` null then: nobody decided).
   */
  async admit(
    request: JoinRequest,
    group: Group,
    actorId: string,
    decidedBy: string | null,
  ): Promise<JoinRequest> {
    assertMove(request.status, 'approved');
    const claimed = await this.requests.move(request.id, 'pending', 'approved', {
      decidedAt: this.clock.now(),
      decidedBy,
    });
    if (!claimed) {
      // Another click approved it already (the same answer again), or it was withdrawn or
      // declined meanwhile (an illegal move).
      const current = (await this.requests.findById(request.id))!;
      if (current.status === 'approved' || current.status === 'waitlisted') return current;
      assertMove(current.status, 'approved');
      return current;
    }
    const seat = await this.seat(claimed, group, actorId).catch(async (error: unknown) => {
      // Nobody was seated: the request stands, for the facilitators to try again.
      await this.requests.move(claimed.id, 'approved', 'pending', {
        decidedAt: null,
        decidedBy: null,
      });
      throw error;
    });
    const answered =
      seat === 'active'
        ? claimed
        : ((await this.requests.move(claimed.id, 'approved', 'waitlisted', {})) ?? claimed);
    await this.notices.answered(answered);
    return answered;
  }

  private async seat(request: JoinRequest, group: Group, actorId: string) {
    await this.memberships.insert({
      organizationId: group.organizationId,
      userId: request.userId,
      role: 'participant',
    });
    if (request.agreementVersion !== null) {
      await this.enrollments.recordConsent(group.id, request.userId, request.agreementVersion);
    }
    const seat = await this.enrollmentService
      .enroll(group.id, actorId, request.userId)
      .catch(async (error: unknown) => {
        // Seated meanwhile by a facilitator from the roster: the request is answered by that seat.
        if (!(error instanceof ConflictError) || error.code !== 'already_enrolled') throw error;
        return (await this.enrollments.find(group.id, request.userId))!;
      });
    return seat.status;
  }
}
