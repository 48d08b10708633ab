import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common/domain-error.js';
import { UserRepository } from '#identity/user.repository.js';
import { MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';

export interface Profile {
  id: string;
  email: string;
  displayName: string;
  emailVerified: boolean;
  memberships: { organizationId: string; role: OrganizationRole }[];
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async get(userId: string): Promise<Profile> {
    const [user, memberships] = await Promise.all([
      this.users.findById(userId),
      this.memberships.listForUser(userId),
    ]);
    if (!user) throw new NotFoundError('user_not_found', 'No such user');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      emailVerified: user.emailVerifiedAt !== null,
      memberships: memberships.map(({ organizationId, role }) => ({ organizationId, role })),
    };
  }
}
