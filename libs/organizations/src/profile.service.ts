import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common';
import type { UpdateProfileDto } from '#identity';
import { UserRepository } from '#identity';
import { Profile } from './dto/organization.view.js';
import { MembershipRepository } from './membership.repository.js';

@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
  ) {}

  async update(userId: string, input: UpdateProfileDto): Promise<Profile> {
    await this.users.updateProfile(userId, {
      displayName: input.displayName,
      legalName: input.legalName === undefined ? undefined : input.legalName || null,
      timezone: input.timezone,
      reminderEmail: input.reminderChannels?.email,
      reminderInApp: input.reminderChannels?.inApp,
    });
    return this.get(userId);
  }

  async get(userId: string): Promise<Profile> {
    const [user, legalName, memberships] = await Promise.all([
      this.users.findById(userId),
      this.users.legalNameOf(userId),
      this.memberships.listForUser(userId),
    ]);
    if (!user) throw new NotFoundError('user_not_found', 'No such user');
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      legalName,
      emailVerified: user.emailVerifiedAt !== null,
      timezone: user.timezone,
      reminderChannels: { email: user.reminderEmail, inApp: user.reminderInApp },
      memberships: memberships.map(({ organizationId, role }) => ({ organizationId, role })),
    };
  }
}
