import { Injectable, Module } from '@nestjs/common';
import { ConflictError, InvalidInputError } from '#common';
import { bootLibModule, type LibTestModule } from '../../../../test/support/lib-module.js';
import { AuthService } from '../auth.service.js';
import { IdentityModule } from '../identity.module.js';
import { TokenService } from '../token.service.js';
import { UserRepository } from '../user.repository.js';
import { AccountErasureService, ERASED_ALIAS } from './account-erasure.service.js';
import {
  type AfterErasure,
  HoldsPersonalData,
  type PersonalDataHolder,
  type PersonalDataSubject,
} from './personal-data-holder.js';
import { PersonalDataExportService } from './personal-data-export.service.js';

const PASSWORD = 'a long and unusual passphrase 57';

/** What the fake holders did, and what they are told to do. */
const script = {
  refuse: false,
  failErasing: false,
  calls: [] as string[],
  /** Whether the account could still be read when the after-commit work ran. */
  afterCommitSawAccount: null as boolean | null,
};

@HoldsPersonalData()
@Injectable()
class GuardingHolder implements PersonalDataHolder {
  readonly section = 'guarding';

  collect(subject: PersonalDataSubject): Promise<object> {
    return Promise.resolve({ seen: subject.email });
  }

  refuseErasure(): Promise<void> {
    script.calls.push('guarding refuses?');
    if (script.refuse) throw new ConflictError('would_orphan', 'Not now');
    return Promise.resolve();
  }

  erase(): Promise<void> {
    script.calls.push('guarding erases');
    return Promise.resolve();
  }
}

@HoldsPersonalData()
@Injectable()
class RecordingHolder implements PersonalDataHolder {
  readonly section = 'recording';

  constructor(private readonly users: UserRepository) {}

  collect(): Promise<object> {
    return Promise.resolve({ items: [] });
  }

  refuseErasure(): Promise<void> {
    script.calls.push('recording refuses?');
    return Promise.resolve();
  }

  erase({ userId }: PersonalDataSubject): Promise<AfterErasure> {
    script.calls.push('recording erases');
    if (script.failErasing) throw new Error('disk full');
    return Promise.resolve(async () => {
      script.afterCommitSawAccount = (await this.users.findById(userId)) !== null;
    });
  }
}

@Module({ imports: [IdentityModule], providers: [GuardingHolder, RecordingHolder] })
class FakeHoldersModule {}

describe(AccountErasureService.name, () => {
  let lib: LibTestModule;
  let erasure: AccountErasureService;
  let auth: AuthService;

  beforeAll(async () => {
    lib = await bootLibModule('account_erasure', [IdentityModule, FakeHoldersModule]);
    erasure = lib.get(AccountErasureService);
    auth = lib.get(AuthService);
  });

  afterAll(() => lib?.close());

  beforeEach(() => {
    Object.assign(script, {
      refuse: false,
      failErasing: false,
      calls: [],
      afterCommitSawAccount: null,
    });
  });

  let counter = 0;
  async function account() {
    const email = `erase-${++counter}@example.org`;
    const { user, accessToken } = await auth.register({
      email,
      password: PASSWORD,
      displayName: 'Erin',
    });
    return { email, userId: user.id, accessToken };
  }

  const stillSignsIn = async (email: string) =>
    (await auth.login({ email, password: PASSWORD })).user.email === email;

  it('asks every holder before any erases, and changes nothing when one refuses', async () => {
    const { email, userId } = await account();
    script.refuse = true;
    await expect(erasure.erase(userId, PASSWORD)).rejects.toMatchObject({ code: 'would_orphan' });
    expect(script.calls).not.toContain('recording erases');
    expect(script.calls).not.toContain('guarding erases');
    expect(await stillSignsIn(email)).toBe(true);
  });

  it('refuses a wrong password as the password field, and erases nothing', async () => {
    const { email, userId } = await account();
    const refused = erasure.erase(userId, 'not the password');
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refused).rejects.toMatchObject({
      code: 'current_password_wrong',
      field: 'password',
    });
    expect(script.calls).toEqual([]);
    expect(await stillSignsIn(email)).toBe(true);
  });

  it('keeps the account whole when a holder fails while erasing', async () => {
    const { email, userId } = await account();
    script.failErasing = true;
    await expect(erasure.erase(userId, PASSWORD)).rejects.toThrow('disk full');
    expect(await stillSignsIn(email)).toBe(true);
    expect(script.afterCommitSawAccount).toBeNull();
  });

  it('erases the account, signs it out everywhere, and runs the after-work once committed', async () => {
    const { email, userId, accessToken } = await account();
    const { erasedAt } = await erasure.erase(userId, PASSWORD);
    expect(erasedAt).toEqual(lib.clock.now());
    expect(script.calls.slice(0, 2).sort()).toEqual(['guarding refuses?', 'recording refuses?']);
    expect(script.afterCommitSawAccount).toBe(false);
    await expect(auth.login({ email, password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(lib.get(TokenService).verifyAccessToken(accessToken)).rejects.toMatchObject({
      code: 'invalid_access_token',
    });
    const [row] = await lib.dataSource.query<Record<string, unknown>[]>(
      'SELECT email, password_hash, display_name, erased_at FROM users WHERE id = $1',
      [userId],
    );
    expect(row).toMatchObject({ email: null, password_hash: null, display_name: ERASED_ALIAS });
    // Erasing twice finds no account.
    await expect(erasure.erase(userId, PASSWORD)).rejects.toMatchObject({
      code: 'invalid_access_token',
    });
  });

  it("gathers every holder's part of an export, under its section", async () => {
    const { email, userId } = await account();
    const exported = await lib.get(PersonalDataExportService).export(userId);
    expect(Object.keys(exported.sections)).toEqual(['account', 'guarding', 'recording']);
    expect(exported.sections.guarding).toEqual({ seen: email });
    expect(exported.sections.account).toMatchObject({ id: userId, email, displayName: 'Erin' });
    expect(JSON.stringify(exported)).not.toContain('argon2');
  });
});
