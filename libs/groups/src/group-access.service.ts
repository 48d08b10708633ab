import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '#common';
import { FACILITATOR_ROLES, MANAGER_ROLES } from '#organizations';
import type { Group } from './group.entity.js';
import { type GroupStanding, GroupRepository } from './group.repository.js';

/** How someone relates to a group: runs it, or sits in it. */
export type GroupViewerRole = 'facilitator' | 'member';

export interface GroupViewer {
  group: Group;
  role: GroupViewerRole;
  /**
   * Whether the viewer reads the group's clinical data (notes, measures and trends, risk
   * alerts' detail, homework review, incidents, legal names): a facilitator who is clinical
   * staff. A peer supporter facilitates a support or drop-in group without it.
   */
  clinician: boolean;
}

/**
 * The policy itself: the group's lead and co-facilitators and the organization's owners and
 * admins facilitate; participants with a seat or a waitlist place are members; nobody outside
 * the organization is anything.
 */
export function roleInGroup(
  group: Pick<Group, 'leadFacilitatorId'>,
  userId: string,
  standing: GroupStanding,
): GroupViewerRole | null {
  const { organizationRole, coFacilitates, enrollmentStatus } = standing;
  if (!organizationRole) return null;
  if (
    group.leadFacilitatorId === userId ||
    coFacilitates ||
    MANAGER_ROLES.includes(organizationRole)
  ) {
    return 'facilitator';
  }
  return enrollmentStatus && enrollmentStatus !== 'withdrawn' ? 'member' : null;
}

/**
 * Whether someone with this role in a group reads its clinical data: only facilitators who are
 * clinical staff of the organization (owners, admins, therapists), never peer supporters.
 */
export function isClinician(role: GroupViewerRole | null, standing: GroupStanding): boolean {
  return (
    role === 'facilitator' &&
    !!standing.organizationRole &&
    FACILITATOR_ROLES.includes(standing.organizationRole)
  );
}

/**
 * Who sees a group (see `roleInGroup`). Everyone else, including other therapists of the
 * organization, gets the same 404 as for a group that does not exist. Only "not found" and
 * "not yours" become errors here: a failed read propagates as it is.
 */
@Injectable()
export class GroupAccess {
  constructor(private readonly groups: GroupRepository) {}

  async roleOf(group: Group, userId: string): Promise<GroupViewerRole | null> {
    return roleInGroup(group, userId, await this.groups.standing(group, userId));
  }

  async requireViewer(groupId: string, userId: string): Promise<GroupViewer> {
    const found = await this.groups.findForPerson(groupId, userId);
    const role = found && roleInGroup(found.group, userId, found.standing);
    if (!found || !role) throw groupNotFound();
    return { group: found.group, role, clinician: isClinician(role, found.standing) };
  }

  async requireFacilitator(groupId: string, userId: string): Promise<Group> {
    const { group, role } = await this.requireViewer(groupId, userId);
    if (role !== 'facilitator') throw facilitatorsOnly();
    return group;
  }

  /** Whether a clinician leads or co-facilitates the group (measures need one). */
  hasClinicianFacilitator(group: Group): Promise<boolean> {
    return this.groups.hasClinicianFacilitator(group);
  }

  /**
   * A facilitator who reads clinical data: a member gets `facilitators_only`, a peer supporter
   * `clinicians_only` (both 403, since they see the group), anyone else 404.
   */
  async requireClinician(groupId: string, userId: string): Promise<Group> {
    const viewer = await this.requireViewer(groupId, userId);
    assertClinician(viewer);
    return viewer.group;
  }
}

/** Refuses a viewer who is not a clinician of the group (see `GroupAccess.requireClinician`). */
export function assertClinician(viewer: Pick<GroupViewer, 'role' | 'clinician'>): void {
  if (viewer.role !== 'facilitator') throw facilitatorsOnly();
  if (!viewer.clinician) throw cliniciansOnly();
}

export const groupNotFound = () => new NotFoundError('group_not_found', 'No such group');

export const facilitatorsOnly = () =>
  new ForbiddenError('facilitators_only', "Only the group's facilitators can do this");

export const cliniciansOnly = () =>
  new ForbiddenError(
    'clinicians_only',
    "Only the group's clinical facilitators read this: peer supporters never see clinical data",
  );
