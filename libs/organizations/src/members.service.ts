import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '#common';
import type { Page, PageRequest } from '#common';
import type { MemberView, ParticipantView } from './dto/organization.view.js';
import { MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';

/** Only an owner may make someone an owner; admins manage every other role. */
export function assertMayGrant(actorRole: OrganizationRole, role: OrganizationRole): void {
  if (role === 'owner' && actorRole !== 'owner') {
    throw new ForbiddenError('owner_role_required', 'Only an owner can grant the owner role');
  }
}

@Injectable()
export class MembersService {
  constructor(private readonly memberships: MembershipRepository) {}

  list(organizationId: string, page: PageRequest): Promise<Page<MemberView>> {
    return this.memberships.listMembers(organizationId, page);
  }

  listParticipants(organizationId: string, page: PageRequest): Promise<Page<ParticipantView>> {
    return this.memberships.listParticipants(organizationId, page);
  }
}
