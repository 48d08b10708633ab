import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Recent wrong passwords for one login name. Keyed by an HMAC of the normalized e-mail, so an
 * unknown address is counted exactly like a known one and the table names nobody.
 */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn('text', { name: 'account_key', primaryKeyConstraintName: 'login_failures_pkey' })
  accountKey!: string;

  @Column('integer')
  failures!: number;

  @Index('login_failures_last_failure_at_idx')
  @Column('timestamptz', { name: 'last_failure_at' })
  lastFailureAt!: Date;

  /** Attempts before this are refused without checking the password. */
  @Column('timestamptz', { name: 'blocked_until', nullable: true })
  blockedUntil!: Date | null;
}
