import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '#common';
import type { Membership } from './membership.entity.js';
import { MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';

/**
 * Who may do what in an organization. A non-member gets the same 404 as for an organization (or
 * a resource in it) that does not exist; a member without the role gets 403.
 */
@Injectable()
export class OrganizationAccess {
  constructor(private readonly memberships: MembershipRepository) {}

  async requireRole(
    organizationId: string | undefined,
    userId: string,
    roles: readonly OrganizationRole[],
    notFound: () => NotFoundError = () =>
      new NotFoundError('organization_not_found', 'No such organization'),
  ): Promise<Membership> {
    // `:orgId` was checked as a UUID by the route; other callers pass a stored organization id.
    const membership = organizationId ? await this.memberships.find(organizationId, userId) : null;
    if (!membership) throw notFound();
    if (!roles.includes(membership.role)) {
      throw new ForbiddenError(
        'insufficient_role',
        `This needs one of the roles: ${roles.join(', ')}`,
      );
    }
    return membership;
  }
}
