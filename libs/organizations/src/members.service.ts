import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError } from '#common/domain-error.js';
import type { Page, PageRequest } from '#common/page.js';
import { UserRepository } from '#identity/user.repository.js';
import { MemberView, MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';

/** Only an owner may make someone an owner; admins manage every other role. */
export function assertMayGrant(actorRole: OrganizationRole, role: OrganizationRole): void {
  if (role === 'owner' && actorRole !== 'owner') {
    throw new ForbiddenError('owner_role_required', 'Only an owner can grant the owner role');
  }
}

@Injectable()
export class MembersService {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async add(
    organizationId: string,
    actorRole: OrganizationRole,
    email: string,
    role: OrganizationRole,
  ): Promise<{ userId: string; role: OrganizationRole }> {
    assertMayGrant(actorRole, role);
    // Anyone can register any address, so only a verified one identifies its owner.
    const user = await this.users.findByEmail(email);
    if (!user?.emailVerifiedAt) {
      throw new NotFoundError(
        'user_not_found',
        'No verified account uses this e-mail; send an invitation instead',
      );
    }
    const membership = await this.memberships.insert({ organizationId, userId: user.id, role });
    if (!membership) {
      throw new ConflictError('already_member', 'This person already belongs to the organization');
    }
    return { userId: membership.userId, role: membership.role };
  }

  list(organizationId: string, page: PageRequest): Promise<Page<MemberView>> {
    return this.memberships.listMembers(organizationId, page);
  }
}
