import { Injectable } from '@nestjs/common';
import { Clock, ConflictError } from '#common';
import { EnrollmentRepository, EnrollmentService, type Group } from '#groups';
import { MembershipRepository } from '#organizations';
import { assertMove } from './join-request-state.js';
import type { JoinRequest } from './join-request.entity.js';
import { JoinRequestNotices } from './join-request-notices.js';
import { JoinRequestRepository } from './join-request.repository.js';

/**
 * Lets a requester in through the enrollment machinery: a participant of the organization if
 * they were not yet one, their consent given with the request recorded for the group, then a
 * seat (or a waitlist place when the group is full) under the group's lock. Seats are one per
 * person and group, so a second click finds the seat taken and never adds another.
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
        // A concurrent approval of the same request seated the person first.
        if (!(error instanceof ConflictError) || error.code !== 'already_enrolled') throw error;
        return (await this.enrollments.find(group.id, request.userId))!;
      });
    const to = seat.status === 'active' ? 'approved' : 'waitlisted';
    const moved = await this.requests.move(request.id, 'pending', to, {
      decidedAt: this.clock.now(),
      decidedBy,
    });
    if (!moved) {
      const current = (await this.requests.findById(request.id))!;
      if (current.status === to) return current; // the other click answered it the same way
      assertMove(current.status, to);
      return current;
    }
    await this.notices.answered(moved);
    return moved;
  }
}
