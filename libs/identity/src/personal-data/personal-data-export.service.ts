import { Injectable } from '@nestjs/common';
import { Clock, UnauthenticatedError } from '#common';
import { RefreshTokenRepository } from '../refresh-token.repository.js';
import type { User } from '../user.entity.js';
import { UserRepository } from '../user.repository.js';
import type { PersonalDataSubject } from './personal-data-holder.js';
import { PersonalDataHolders } from './personal-data-holders.js';
import type { PersonalDataExport } from './personal-data.dto.js';

export const EXPORT_FORMAT = 'hearth-personal-data/1';

const ABOUT =
  'Everything Hearth holds about you, as of exportedAt: your account, your places in ' +
  "organizations and groups, what you answered, the notes your group's facilitators wrote about " +
  'you, and who read your clinical records. Nothing about other people is in it. ' +
  'docs/privacy.md explains each part and what erasing your account does to it.';

/** `GET /me/export`: the account itself, then every lib's part (see PersonalDataHolder). */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly holders: PersonalDataHolders,
    private readonly clock: Clock,
  ) {}

  async export(userId: string): Promise<PersonalDataExport> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw new UnauthenticatedError('invalid_access_token', 'The account no longer exists');
    }
    const subject: PersonalDataSubject = {
      userId: user.id,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
    };
    const sections: Record<string, object> = { account: await this.account(user) };
    for (const holder of this.holders.all()) {
      sections[holder.section] = await holder.collect(subject);
    }
    return { format: EXPORT_FORMAT, exportedAt: this.clock.now(), about: ABOUT, sections };
  }

  private async account(user: User) {
    return {
      id: user.id,
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt,
      displayName: user.displayName,
      legalName: await this.users.legalNameOf(user.id),
      timezone: user.timezone,
      reminderChannels: { email: user.reminderEmail, inApp: user.reminderInApp },
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      logins: await this.refreshTokens.loginsOf(user.id, this.clock.now()),
    };
  }
}
