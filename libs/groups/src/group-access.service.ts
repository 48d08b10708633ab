import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '#common';
import { MembershipRepository, MANAGER_ROLES } from '#organizations';
import { EnrollmentRepository } from './enrollment.repository.js';
import type { Group } from './group.entity.js';
import { GroupRepository } from './group.repository.js';

/** How someone relates to a group: runs it, or sits in it. */
export type GroupViewerRole = 'facilitator' | 'member';

export interface GroupViewer {
  group: Group;
  role: GroupViewerRole;
}

/**
 * Who sees a group. Its lead and co-facilitators, and the organization's owners and admins,
 * facilitate; participants with a seat or a waitlist place are members. Everyone else, including
 * other therapists of the organization, gets the same 404 as for a group that does not exist.
 * Only "not found" and "not yours" become errors here: a failed read propagates as it is.
 */
@Injectable()
export class GroupAccess {
  constructor(
    private readonly groups: GroupRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async roleOf(group: Group, userId: string): Promise<GroupViewerRole | null> {
    return (await this.relation(group, userId)).role;
  }

  /**
   * Everything that decides access, read once: whether the person belongs to the organization,
   * their role in the group, and their enrollment.
   */
  async relation(group: Group, userId: string) {
    const [membership, coFacilitates, enrollment] = await Promise.all([
      this.memberships.find(group.organizationId, userId),
      this.groups.isCoFacilitator(group.id, userId),
      this.enrollments.find(group.id, userId),
    ]);
    const role: GroupViewerRole | null = !membership
      ? null
      : group.leadFacilitatorId === userId ||
          coFacilitates ||
          MANAGER_ROLES.includes(membership.role)
        ? 'facilitator'
        : enrollment && enrollment.status !== 'withdrawn'
          ? 'member'
          : null;
    return { inOrganization: membership !== null, role, enrollment };
  }

  async requireViewer(groupId: string, userId: string): Promise<GroupViewer> {
    const group = await this.groups.findById(groupId);
    const role = group && (await this.roleOf(group, userId));
    if (!group || !role) throw groupNotFound();
    return { group, role };
  }

  async requireFacilitator(groupId: string, userId: string): Promise<Group> {
    const { group, role } = await this.requireViewer(groupId, userId);
    if (role !== 'facilitator') throw facilitatorsOnly();
    return group;
  }
}

export const groupNotFound = () => new NotFoundError('group_not_found', 'No such group');

export const facilitatorsOnly = () =>
  new ForbiddenError('facilitators_only', "Only the group's facilitators can do this");
