import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { EntityColumns, PreparedStatement, type Tx } from '#database';
import { User } from './user.entity.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A reset link to mail: the request it belongs to and when this mailing was decided. */
export interface PasswordResetMailing {
  userId: string;
  requestedAt: Date;
  mailedAt: Date;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  emailVerifiedAt?: Date;
}

@Injectable()
export class UserRepository {
  private readonly columns: EntityColumns<User>;
  private readonly byId: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {
    const { dataSource } = users.manager;
    this.columns = new EntityColumns(dataSource, User, 'u');
    this.byId = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.columns.select} FROM users u WHERE u.id = $1 AND u.erased_at IS NULL`,
    );
  }

  /** A fixed statement: it runs on the request path of most routes. Never an erased account. */
  async findById(id: string): Promise<User | null> {
    const row = await this.byId.first([id]);
    return row ? this.columns.read(row) : null;
  }

  /** The person's legal name (never selected with the rest of the row); null when none. */
  async legalNameOf(id: string): Promise<string | null> {
    const row = await this.users.findOne({ where: { id }, select: { id: true, legalName: true } });
    return row?.legalName ?? null;
  }

  /** Erased accounts too (as "Former member"): for the names on records others keep. */
  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  /** The user with the password hash, which is otherwise never selected. */
  findCredentialsByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  /** The user with the password hash and pending reset, which are otherwise never selected. */
  findWithResetState(id: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect([
        'user.passwordHash',
        'user.passwordResetRequestedAt',
        'user.passwordResetMailedAt',
      ])
      .where('user.id = :id', { id })
      .getOne();
  }

  /** A new password also voids the calendar-feed addresses handed out before. */
  async setPassword(id: string, passwordHash: string, tx: Tx): Promise<void> {
    await tx
      .getRepository(User)
      .update({ id }, { passwordHash, feedVersion: () => 'feed_version + 1' });
  }

  /**
   * Records a reset request for the address, in one statement whether or not an account has it.
   * A pending request (unused, younger than `ttlMinutes`) is kept, so the link already mailed stays
   * valid; it is mailed again only if the last mail is `remailMinutes` old. Answers what to mail,
   * or null when no account has the address or the last mail is too recent.
   */
  async requestPasswordReset(
    email: string,
    at: Date,
    ttlMinutes: number,
    remailMinutes: number,
  ): Promise<PasswordResetMailing | null> {
    const pending = `(password_reset_requested_at IS NOT NULL
      AND password_reset_requested_at > $2::timestamptz - make_interval(mins => $3::int))`;
    const [rows]: [{ id: string; requested_at: Date; mailed_at: Date }[], number] =
      await this.users.query(
        `UPDATE users SET
           password_reset_requested_at =
             CASE WHEN ${pending} THEN password_reset_requested_at ELSE $2 END,
           password_reset_mailed_at = $2
         WHERE email = $1 AND (NOT ${pending} OR password_reset_mailed_at IS NULL
           OR password_reset_mailed_at <= $2::timestamptz - make_interval(mins => $4::int))
         RETURNING id, password_reset_requested_at AS requested_at,
           password_reset_mailed_at AS mailed_at`,
        [normalizeEmail(email), at, ttlMinutes, remailMinutes],
      );
    const [row] = rows;
    return row ? { userId: row.id, requestedAt: row.requested_at, mailedAt: row.mailed_at } : null;
  }

  /**
   * Sets the password chosen through the reset link issued at `requestedAt`, once: the request
   * is cleared, so the link cannot be used again. The link proved the address, so it is verified.
   * Answers false when the link was used or superseded meanwhile.
   */
  async completePasswordReset(
    id: string,
    passwordHash: string,
    requestedAt: Date,
    tx: Tx,
  ): Promise<{ reclaimed: boolean } | null> {
    // Locked first: whether the address was unverified decides whether this is a reclaim.
    const locked = await tx.getRepository(User).findOne({
      where: { id, passwordResetRequestedAt: requestedAt },
      lock: { mode: 'pessimistic_write' },
    });
    if (!locked) return null;
    const reclaimed = locked.emailVerifiedAt === null;
    await tx.getRepository(User).update(
      { id },
      {
        passwordHash,
        passwordResetRequestedAt: null,
        passwordResetMailedAt: null,
        feedVersion: () => 'feed_version + 1',
        emailVerifiedAt: () => 'COALESCE(email_verified_at, now())',
      },
    );
    return { reclaimed };
  }

  async updateProfile(
    id: string,
    changes: Partial<
      Pick<User, 'displayName' | 'legalName' | 'timezone' | 'reminderEmail' | 'reminderInApp'>
    >,
  ): Promise<void> {
    if (Object.keys(changes).length) await this.users.update({ id }, changes);
  }

  /** Marks the address verified, unless it changed since the link was made. */
  async markEmailVerified(id: string, email: string, at: Date): Promise<void> {
    await this.users.update({ id, email, emailVerifiedAt: IsNull() }, { emailVerifiedAt: at });
  }

  /**
   * Hands an unverified account to whoever proved they own its address (an invitation link):
   * new password and alias, address verified. Answers false if it was verified meanwhile.
   */
  async claimUnverified(
    id: string,
    changes: Pick<User, 'passwordHash' | 'displayName'>,
    at: Date,
    tx: Tx,
  ): Promise<boolean> {
    const result = await tx
      .getRepository(User)
      .update(
        { id, emailVerifiedAt: IsNull() },
        { ...changes, emailVerifiedAt: at, feedVersion: () => 'feed_version + 1' },
      );
    return result.affected === 1;
  }

  /** The live account, locked until `tx` ends (erasure); null once erased or unknown. */
  lockLive(id: string, tx: Tx): Promise<User | null> {
    return tx.getRepository(User).findOne({
      where: { id, erasedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Erases the account row (docs/privacy.md): the e-mail, password and pending reset go at once,
   * the alias becomes `alias`, and the calendar-feed addresses stop working. The row stays,
   * since records others keep (attendance, notes they signed) name it.
   */
  async erase(id: string, alias: string, at: Date, tx: Tx): Promise<void> {
    await tx.getRepository(User).update(
      { id },
      {
        // Typed for live accounts, which always have one.
        email: () => 'NULL',
        passwordHash: null,
        displayName: alias,
        legalName: null,
        emailVerifiedAt: null,
        passwordResetRequestedAt: null,
        passwordResetMailedAt: null,
        timezone: null,
        reminderEmail: false,
        reminderInApp: false,
        feedVersion: () => 'feed_version + 1',
        erasedAt: at,
      },
    );
  }

  /** Inserts the user; answers null when the e-mail is taken (the unique index decides). */
  async insert(user: NewUser, tx?: Tx): Promise<User | null> {
    const repository = tx ? tx.getRepository(User) : this.users;
    const rows = await repository
      .createQueryBuilder()
      .insert()
      .values({ ...user, email: normalizeEmail(user.email) })
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = rows.raw as { id: string }[];
    return row ? repository.findOneByOrFail({ id: row.id }) : null;
  }
}
