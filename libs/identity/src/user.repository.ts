import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { User } from './user.entity.js';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  emailVerifiedAt?: Date;
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

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
      .addSelect(['user.passwordHash', 'user.passwordResetRequestedAt'])
      .where('user.id = :id', { id })
      .getOne();
  }

  async setPassword(id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(User).update({ id }, { passwordHash });
  }

  /** Records a reset request for the address; answers the account's id, or null if none has it. */
  async markPasswordResetRequested(email: string, at: Date): Promise<string | null> {
    const result = await this.users
      .createQueryBuilder()
      .update()
      .set({ passwordResetRequestedAt: at })
      .where('email = :email', { email: normalizeEmail(email) })
      .returning('id')
      .execute();
    const [row] = result.raw as { id: string }[];
    return row?.id ?? null;
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
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.getRepository(User).update(
      { id, passwordResetRequestedAt: requestedAt },
      {
        passwordHash,
        passwordResetRequestedAt: null,
        emailVerifiedAt: () => 'COALESCE(email_verified_at, now())',
      },
    );
    return result.affected === 1;
  }

  async updateProfile(
    id: string,
    changes: Partial<Pick<User, 'displayName' | 'timezone' | 'reminderEmail' | 'reminderInApp'>>,
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
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(User)
      .update({ id, emailVerifiedAt: IsNull() }, { ...changes, emailVerifiedAt: at });
    return result.affected === 1;
  }

  /** Inserts the user; answers null when the e-mail is taken (the unique index decides). */
  async insert(user: NewUser, manager?: EntityManager): Promise<User | null> {
    const repository = manager ? manager.getRepository(User) : this.users;
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
