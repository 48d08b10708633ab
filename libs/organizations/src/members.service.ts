import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ForbiddenError } from '#common/domain-error.js';
import type { Page, PageRequest } from '#common/page.js';
import { AccountReclaimService } from '#identity/account-reclaim.service.js';
import { MemberView, MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';

/** Only an owner may make someone an owner; admins manage every other role. */
export function assertMayGrant(actorRole: OrganizationRole, role: OrganizationRole): void {
  if (role === 'owner' && actorRole !== 'owner') {
    throw new ForbiddenError('owner_role_required', 'Only an owner can grant the owner role');
  }
}

@Injectable()
export class MembersService implements OnModuleInit {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly reclaims: AccountReclaimService,
  ) {}

  /** The organizations of whoever registered an address do not pass to its owner. */
  onModuleInit(): void {
    this.reclaims.register((userId, manager) => this.memberships.deleteAllOfUser(userId, manager));
  }

  list(organizationId: string, page: PageRequest): Promise<Page<MemberView>> {
    return this.memberships.listMembers(organizationId, page);
  }
}
