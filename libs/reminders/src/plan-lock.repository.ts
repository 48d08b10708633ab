import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';

/** Serialises the re-plans of one group: a PostgreSQL advisory lock held until `tx` ends. */
@Injectable()
export class PlanLockRepository {
  async lockGroup(groupId: string, tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reminders:${groupId}`]);
  }
}
