import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** What #video holds about a person, for their export and erasure. */
@Injectable()
export class VideoPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lobbyEntries(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT l.session_id AS "sessionId", g.name AS "groupName", l.status,
         l.waiting_since AS "waitingSince", l.decided_at AS "decidedAt"
       FROM lobby_entries l JOIN sessions s ON s.id = l.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE l.user_id = $1 ORDER BY l.waiting_since, l.id`,
      [userId],
    );
  }

  /** Sessions the person was removed from (by whom is the facilitator's to know). */
  removals(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT r.session_id AS "sessionId", g.name AS "groupName", r.removed_at AS "removedAt"
       FROM session_removals r JOIN sessions s ON s.id = r.session_id
       JOIN groups g ON g.id = s.group_id
       WHERE r.user_id = $1 ORDER BY r.removed_at, r.session_id`,
      [userId],
    );
  }

  async erase(userId: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM lobby_entries WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM session_removals WHERE user_id = $1', [userId]);
  }
}
