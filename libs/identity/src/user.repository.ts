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
