import { randomUUID } from 'node:crypto';
import { bootLibModule, type LibTestModule } from '../../../test/support/lib-module.js';
import { AuthService } from './auth.service.js';
import { IdentityModule } from './identity.module.js';
import { PasswordService } from './password.service.js';
import type { PasswordResetPayload } from './send-password-reset/password-reset.queue.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

const PASSWORD = 'a long and unusual passphrase 41';

describe(PasswordService.name, () => {
  let lib: LibTestModule;
  let passwords: PasswordService;
  let auth: AuthService;

  beforeAll(async () => {
    lib = await bootLibModule('identity', [IdentityModule], {
      now: new Date('2027-03-01T12:00:00Z'),
    });
    passwords = lib.get(PasswordService);
    auth = lib.get(AuthService);
  });

  afterAll(() => lib?.close());

  let counter = 0;
  async function account() {
    const email = `reset-${++counter}@example.org`;
    const { user } = await auth.register({ email, password: PASSWORD, displayName: 'Reset' });
    return { email, userId: user.id };
  }

  const resetJobs = () =>
    lib.queued
      .filter((job) => job.name === 'password-reset')
      .map((job) => job.data as PasswordResetPayload);

  /** Asks for a reset and answers the job it queued. */
  async function requestReset(email: string) {
    await passwords.requestReset(email);
    return resetJobs().at(-1)!;
  }

  const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

  it('mails a pending link again at most every five minutes, with the time it has left', async () => {
    const { email, userId } = await account();
    const first = await requestReset(email);
    expect(first.userId).toBe(userId);
    expect((await passwords.resetEmailFor(userId, first.mailedAt))?.validMinutes).toBe(30);

    lib.clock.advance(60_000);
    expect((await requestReset(email)).userId).toBeNull();

    lib.clock.advance(4 * 60_000);
    const again = await requestReset(email);
    expect(again).toMatchObject({ userId, requestedAt: first.requestedAt });
    // The earlier mailing was superseded; the new one carries the same link, 25 minutes left.
    expect(await passwords.resetEmailFor(userId, first.mailedAt)).toBeNull();
    const mail = await passwords.resetEmailFor(userId, again.mailedAt);
    expect(mail?.validMinutes).toBe(25);
  });

  it('refuses a link once it has expired, and accepts the next one once', async () => {
    const { email, userId } = await account();
    const expired = await requestReset(email);
    const oldLink = (await passwords.resetEmailFor(userId, expired.mailedAt))!.link;
    lib.clock.advance(31 * 60_000);
    expect(await passwords.resetEmailFor(userId, expired.mailedAt)).toBeNull();
    await expect(passwords.confirmReset(tokenOf(oldLink), `${PASSWORD} new`)).rejects.toMatchObject(
      { code: 'reset_link_expired' },
    );

    const fresh = await requestReset(email);
    expect(fresh.requestedAt).toBe(lib.clock.millis());
    const link = (await passwords.resetEmailFor(userId, fresh.mailedAt))!.link;
    await passwords.confirmReset(tokenOf(link), `${PASSWORD} new`);
    await expect(passwords.confirmReset(tokenOf(link), `${PASSWORD} newer`)).rejects.toMatchObject({
      code: 'reset_link_invalid',
    });
    await expect(auth.verifyCredentials(email, `${PASSWORD} new`)).resolves.toMatchObject({
      id: userId,
    });
  });

  it('changes a password and signs out every other login of the account', async () => {
    const { email, userId } = await account();
    const other = await auth.login({ email, password: PASSWORD });
    const mine = await auth.login({ email, password: PASSWORD });
    const caller = await lib.get(TokenService).verifyAccessToken(mine.accessToken);
    await passwords.change(caller, PASSWORD, `${PASSWORD} changed`);

    await expect(auth.refresh(other.refreshToken)).rejects.toMatchObject({
      code: 'refresh_token_revoked',
    });
    await expect(auth.refresh(mine.refreshToken)).resolves.toMatchObject({
      user: { id: userId },
    });
  });

  it("reads a user by id in a fixed statement as TypeORM would, never the password's hash", async () => {
    const { userId } = await account();
    const read = await lib.get(UserRepository).findById(userId);
    expect(read).toBeInstanceOf(User);
    expect(read).toEqual(await lib.dataSource.getRepository(User).findOneBy({ id: userId }));
    expect(read).not.toHaveProperty('passwordHash');
    expect(await lib.get(UserRepository).findById(randomUUID())).toBeNull();
  });
});
