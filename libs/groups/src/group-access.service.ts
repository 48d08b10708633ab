import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '#common';
import { MANAGER_ROLES } from '#organizations';
import type { Group } from './group.entity.js';
import { type GroupStanding, GroupRepository } from './group.repository.js';

/** How someone relates to a group: runs it, or sits in it. */
export type GroupViewerRole = 'facilitator' | 'member';

export interface GroupViewer {
  group: Group;
  role: GroupViewerRole;
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
    return { group: found.group, role };
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
