import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client address that logged in to an account (or reset its password). Both columns are
 * HMACs under a server key, so the table names neither the account nor the address. A known
 * client is not held back by failures others caused, so guessing cannot lock its owner out.
 */
@Entity('known_clients')
export class KnownClient {
  @PrimaryColumn('text', { name: 'account_key', primaryKeyConstraintName: 'known_clients_pkey' })
  accountKey!: string;

  @PrimaryColumn('text', { name: 'client_key', primaryKeyConstraintName: 'known_clients_pkey' })
  clientKey!: string;

  @Index('known_clients_last_seen_at_idx')
  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt!: Date;
}
