import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** What #reminders holds about a person, for their export and erasure. */
@Injectable()
export class RemindersPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * In-app notifications. Those of `aboutRecipient` kinds keep their words; the others (a
   * facilitator told that a member missed sessions) are about someone else, and keep only what
   * and when.
   */
  notifications(userId: string, aboutRecipient: string[]): Promise<object[]> {
    return this.dataSource.query(
      `SELECT n.kind, n.session_id AS "sessionId",
         CASE WHEN n.kind = ANY($2) THEN n.title END AS title,
         CASE WHEN n.kind = ANY($2) THEN n.body END AS body,
         n.created_at AS "createdAt", n.read_at AS "readAt"
       FROM notifications n WHERE n.user_id = $1 ORDER BY n.created_at, n.id`,
      [userId, aboutRecipient],
    );
  }

  /** What was sent to the person, on which channel (the words are the notifications'). */
  deliveries(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT d.kind, d.session_id AS "sessionId", d.channel, d.status, d.sent_at AS "sentAt"
       FROM deliveries d WHERE d.user_id = $1 ORDER BY d.created_at, d.id`,
      [userId],
    );
  }

  /** The person's notifications, and those others got about them (they name the person). */
  async erase(userId: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM notifications WHERE user_id = $1 OR subject_user_id = $1', [
      userId,
    ]);
    await tx.query('DELETE FROM deliveries WHERE user_id = $1', [userId]);
  }
}
