import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ClinicalAudit } from '#audit';
import { Clock, ConflictError, mapPage, NotFoundError } from '#common';
import type { Page, PageRequest } from '#common';
import { Transactions } from '#database';
import { MembershipRepository, OrganizationsService } from '#organizations';
import type {
  ConsentView,
  EnrollmentView,
  GroupAgreementState,
  GroupMemberView,
  RosterEntry,
  WithdrawalView,
} from './dto/enrollment.view.js';
import type { Enrollment } from './enrollment.entity.js';
import { EnrollmentRepository } from './enrollment.repository.js';
import { facilitatorsOnly, GroupAccess, groupNotFound } from './group-access.service.js';
import { type EnrollmentsChanged, GroupEvent } from './group.events.js';
import { GroupRepository } from './group.repository.js';
import { WaitlistPromotionEmailQueue } from './send-waitlist-promotion-email/waitlist-promotion-email.queue.js';

const view = ({ id, groupId, userId, status }: Enrollment): EnrollmentView => ({
  id,
  groupId,
  userId,
  status,
});

/**
 * Seats in a group. Every change happens under a lock on the group row, so concurrent requests
 * are served one at a time in the order they reach the database: the capacity is never exceeded
 * and the waitlist keeps that order. (A trigger in the database refuses overbooking too.)
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly access: GroupAccess,
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly memberships: MembershipRepository,
    private readonly organizations: OrganizationsService,
    private readonly promotionEmails: WaitlistPromotionEmailQueue,
    private readonly events: EventEmitter2,
    private readonly audit: ClinicalAudit,
  ) {}

  async enroll(groupId: string, actorId: string, userId: string): Promise<EnrollmentView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    // userId comes from the body, validated as a UUID by EnrollDto.
    if (!(await this.memberships.find(group.organizationId, userId))) {
      throw new NotFoundError('member_not_found', 'No such member of this organization');
    }
    const enrollment = await this.transactions.run(async (tx) => {
      const locked = (await this.groups.lock(group.id, tx))!;
      const existing = await this.enrollments.findForUpdate(group.id, userId, tx);
      if (existing && existing.status !== 'withdrawn') {
        throw new ConflictError('already_enrolled', 'This person is already in the group');
      }
      const active = await this.enrollments.countActive(group.id, tx);
      const queuedAt = await this.enrollments.queueTime(tx);
      return this.enrollments.save(
        {
          ...existing,
          groupId: group.id,
          userId,
          status: active < locked.capacity ? 'active' : 'waitlisted',
          queuedAt,
          promotedAt: null,
          promotionMailedAt: null,
          withdrawnAt: null,
        },
        tx,
      );
    });
    await this.enrollmentsChanged(group.id);
    return view(enrollment);
  }

  /**
   * Withdraws someone (a facilitator, or the person themself). A freed seat goes to the first
   * person on the waitlist, who is told by e-mail once the change has committed.
   */
  async withdraw(enrollmentId: string, actorId: string): Promise<WithdrawalView> {
    const enrollment = await this.enrollments.findById(enrollmentId);
    if (!enrollment) throw enrollmentNotFound();
    if (enrollment.userId !== actorId) {
      await this.access.requireFacilitator(enrollment.groupId, actorId).catch((error: unknown) => {
        throw error instanceof NotFoundError ? enrollmentNotFound() : error;
      });
    }
    const { withdrawn, promoted } = await this.transactions.run(async (tx) => {
      await this.groups.lock(enrollment.groupId, tx);
      const current = (await this.enrollments.findForUpdate(
        enrollment.groupId,
        enrollment.userId,
        tx,
      ))!;
      if (current.status === 'withdrawn') {
        throw new ConflictError('already_withdrawn', 'This person has already left the group');
      }
      const now = this.clock.now();
      const seatFreed = current.status === 'active';
      const withdrawn = await this.enrollments.save(
        { ...current, status: 'withdrawn', withdrawnAt: now },
        tx,
      );
      const next = seatFreed ? await this.enrollments.firstWaitlisted(current.groupId, tx) : null;
      const promoted =
        next && (await this.enrollments.save({ ...next, status: 'active', promotedAt: now }, tx));
      return { withdrawn, promoted };
    });
    if (promoted) await this.promotionEmails.add({ enrollmentId: promoted.id });
    await this.enrollmentsChanged(enrollment.groupId);
    return { ...view(withdrawn), promoted: promoted ? view(promoted) : null };
  }

  async roster(groupId: string, actorId: string, page: PageRequest): Promise<Page<RosterEntry>> {
    const { group, role, clinician } = await this.access.requireViewer(groupId, actorId);
    if (role !== 'facilitator') throw facilitatorsOnly();
    const roster = await this.enrollments.roster(group.id, page);
    await this.audit.record({
      organizationId: group.organizationId,
      actorId,
      action: 'read',
      resourceType: 'roster',
      resourceId: group.id,
      subjectUserIds: roster.items.map((entry) => entry.userId),
    });
    // A peer supporter knows the members by alias: no addresses.
    return clinician ? roster : mapPage(roster, (entry) => ({ ...entry, email: null }));
  }

  /** What a member sees of the others: display aliases only. */
  async members(
    groupId: string,
    actorId: string,
    page: PageRequest,
  ): Promise<Page<GroupMemberView>> {
    const { group } = await this.access.requireViewer(groupId, actorId);
    return this.enrollments.activeAliases(group.id, page);
  }

  /**
   * The agreement text and the caller's consent, for the group's own people. Facilitators read it
   * too; only members are asked to consent before joining.
   */
  async agreementState(groupId: string, userId: string): Promise<GroupAgreementState> {
    const { group, role } = await this.access.requireViewer(groupId, userId);
    const [{ groupAgreement }, consent] = await Promise.all([
      this.organizations.get(group.organizationId),
      this.enrollments.latestConsent(group.id, userId),
    ]);
    return {
      agreement: groupAgreement,
      consentedVersion: consent?.agreementVersion ?? null,
      consentedAt: consent?.consentedAt ?? null,
      consentRequired:
        role === 'member' &&
        groupAgreement !== null &&
        consent?.agreementVersion !== groupAgreement.version,
    };
  }

  /** Records consent to the organization's current group agreement. */
  async consent(groupId: string, userId: string, agreementVersion: number): Promise<ConsentView> {
    const { group } = await this.access.requireViewer(groupId, userId);
    const enrollment = await this.enrollments.find(group.id, userId);
    if (!enrollment || enrollment.status === 'withdrawn') throw groupNotFound();
    const { groupAgreement } = await this.organizations.get(group.organizationId);
    if (!groupAgreement) {
      throw new ConflictError('no_group_agreement', 'This organization has no group agreement yet');
    }
    if (groupAgreement.version !== agreementVersion) {
      throw new ConflictError(
        'agreement_outdated',
        `The current group agreement is version ${groupAgreement.version}`,
      );
    }
    const consent = await this.enrollments.recordConsent(group.id, userId, agreementVersion);
    return { groupId: group.id, agreementVersion, consentedAt: consent.consentedAt };
  }

  /** The promotion e-mail's facts, or null when there is nothing (left) to send. */
  async promotionEmailFor(enrollmentId: string) {
    const enrollment = await this.enrollments.findById(enrollmentId);
    if (!enrollment || enrollment.status !== 'active' || !enrollment.promotedAt) return null;
    if (enrollment.promotionMailedAt) return null;
    const group = await this.groups.findById(enrollment.groupId);
    return group && { enrollment, group };
  }

  markPromotionMailed(enrollmentId: string): Promise<boolean> {
    return this.enrollments.markPromotionMailed(enrollmentId, this.clock.now());
  }

  /** After a committed change: the libs above follow (reminders are re-planned). */
  private async enrollmentsChanged(groupId: string): Promise<void> {
    await this.events.emitAsync(GroupEvent.EnrollmentsChanged, {
      groupId,
    } satisfies EnrollmentsChanged);
  }
}

const enrollmentNotFound = () => new NotFoundError('enrollment_not_found', 'No such enrollment');
