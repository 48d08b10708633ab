import { Injectable, Logger } from '@nestjs/common';
import { Clock, InvalidInputError, UnauthenticatedError } from '#common';
import { Transactions } from '#database';
import { AuthService } from '../auth.service.js';
import { LoginThrottleService } from '../login-throttle.service.js';
import { RefreshTokenRepository } from '../refresh-token.repository.js';
import { TokenService } from '../token.service.js';
import { UserRepository } from '../user.repository.js';
import type { AfterErasure, PersonalDataSubject } from './personal-data-holder.js';
import { PersonalDataHolders } from './personal-data-holders.js';
import type { AccountErased } from './personal-data.dto.js';

/** The alias an erased account leaves on the records others keep (attendance, rosters). */
export const ERASED_ALIAS = 'Former member';

/**
 * `DELETE /me` (docs/privacy.md). After the password, in one transaction: every holder may refuse
 * (the sole owner of an organization), then deletes or anonymizes its records; every login is
 * revoked and the account row loses its e-mail and password. Clinical records stay until the
 * retention purge. What the libs must do after the commit (queue jobs) runs last.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger(AccountErasureService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly holders: PersonalDataHolders,
  ) {}

  async erase(userId: string, password: string, clientAddress?: string): Promise<AccountErased> {
    const user = await this.users.findById(userId);
    if (!user) throw accountGone();
    // As when changing the password: a wrong one is the form's field, not a lost session.
    await this.auth
      .verifyCredentials(user.email, password, clientAddress)
      .catch((error: unknown) => {
        if (!(error instanceof UnauthenticatedError)) throw error;
        throw new InvalidInputError('current_password_wrong', 'The password is wrong', 'password');
      });
    const subject: PersonalDataSubject = {
      userId,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
    };
    const at = this.clock.now();
    const holders = this.holders.all();
    const afterwards = await this.transactions.run(async (tx) => {
      if (!(await this.users.lockLive(userId, tx))) throw accountGone();
      for (const holder of holders) await holder.refuseErasure?.(subject, tx);
      const work: AfterErasure[] = [];
      for (const holder of holders) {
        const after = await holder.erase?.(subject, at, tx);
        if (after) work.push(after);
      }
      await this.refreshTokens.revokeAllForUser(userId, at, tx);
      await this.refreshTokens.deleteAllForUser(userId, tx);
      await this.users.erase(userId, ERASED_ALIAS, at, tx);
      return work;
    });
    this.logger.log(`Account ${userId} erased`);
    // Committed: what follows only tidies up, and must not turn the answer into an error.
    for (const work of [
      () => this.throttle.forgetAccount(subject.email),
      () => this.tokens.forgetExpiredRevocations(),
      ...afterwards,
    ]) {
      await work().catch((error: unknown) => {
        this.logger.error({ err: error }, `After erasing account ${userId}`);
      });
    }
    return { erasedAt: at };
  }
}

const accountGone = () =>
  new UnauthenticatedError('invalid_access_token', 'The account no longer exists');
