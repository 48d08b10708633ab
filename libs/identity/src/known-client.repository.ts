import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { KnownClient } from './known-client.entity.js';

export interface KnownClientPolicy {
  /** Only this many of an account's most recent clients are kept. */
  perAccount: number;
  /** A client not seen for this long is forgotten. */
  days: number;
}

@Injectable()
export class KnownClientRepository {
  constructor(@InjectRepository(KnownClient) private readonly clients: Repository<KnownClient>) {}

  /** Whether the client was used for the account within the last `days` before `now`. */
  async isKnown(accountKey: string, clientKey: string, now: Date, days: number): Promise<boolean> {
    const rows: unknown[] = await this.clients.query(
      `SELECT 1 FROM known_clients WHERE account_key = $1 AND client_key = $2
         AND last_seen_at > $3::timestamptz - make_interval(days => $4::int)`,
      [accountKey, clientKey, now, days],
    );
    return rows.length > 0;
  }

  /**
   * Remembers the client for the account, keeps only the account's newest `perAccount` clients
   * and forgets every client unseen for `days` (the index on last_seen_at keeps that cheap).
   */
  async remember(
    accountKey: string,
    clientKey: string,
    now: Date,
    policy: KnownClientPolicy,
  ): Promise<void> {
    await this.clients.query(
      `INSERT INTO known_clients (account_key, client_key, last_seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_key, client_key) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
      [accountKey, clientKey, now],
    );
    await this.clients.query(
      `DELETE FROM known_clients
       WHERE (account_key = $1 AND client_key NOT IN (
                SELECT client_key FROM known_clients WHERE account_key = $1
                ORDER BY last_seen_at DESC, client_key LIMIT $3))
          OR last_seen_at < $2::timestamptz - make_interval(days => $4::int)`,
      [accountKey, now, policy.perAccount, policy.days],
    );
  }

  /** Forgets every client of the account (it passed to the owner of its address). */
  async forgetAccount(accountKey: string): Promise<void> {
    await this.clients.delete({ accountKey });
  }
}
