import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** What #webinars holds about a person (registrations are by address), for export and erasure. */
@Injectable()
export class WebinarsPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  registrations(email: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT w.id AS "webinarId", w.title AS "webinarTitle", w.starts_at AS "startsAt",
         r.display_name AS "displayName", r.created_at AS "registeredAt", r.promoted,
         r.confirmation_sent_at AS "confirmationSentAt",
         a.minutes_watched::float8 AS "minutesWatched", a.first_joined_at AS "firstJoinedAt",
         a.last_left_at AS "lastLeftAt",
         (SELECT count(*)::int FROM webinar_question_votes v WHERE v.registration_id = r.id)
           AS "votesCast"
       FROM webinar_registrations r JOIN webinars w ON w.id = r.webinar_id
       LEFT JOIN webinar_attendance a ON a.registration_id = r.id
       WHERE r.email = $1 ORDER BY r.created_at, r.id`,
      [email],
    );
  }

  /** The person's own questions (which others' questions they voted for is left out). */
  questions(email: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT q.webinar_id AS "webinarId", q.text, q.anonymous, q.status, q.votes,
         q.created_at AS "askedAt"
       FROM webinar_questions q JOIN webinar_registrations r ON r.id = q.registration_id
       WHERE r.email = $1 ORDER BY q.created_at, q.id`,
      [email],
    );
  }

  hosted(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT w.id AS "webinarId", w.title AS "webinarTitle", w.starts_at AS "startsAt"
       FROM webinar_hosts h JOIN webinars w ON w.id = h.webinar_id
       WHERE h.user_id = $1 ORDER BY w.starts_at, w.id`,
      [userId],
    );
  }

  spoken(email: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT w.id AS "webinarId", w.title AS "webinarTitle", w.starts_at AS "startsAt",
         s.display_name AS "displayName"
       FROM webinar_speakers s JOIN webinars w ON w.id = s.webinar_id
       WHERE s.email = $1 ORDER BY w.starts_at, s.id`,
      [email],
    );
  }

  /**
   * Registrations go with their questions, votes and attendance (the vote counts of others'
   * questions drop accordingly); speaker places and hosting end. Only hosting when `email` is
   * `null` (never verified: the registrations by that address may be someone else's).
   */
  async erase(userId: string, email: string | null, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM webinar_hosts WHERE user_id = $1', [userId]);
    if (email === null) return;
    await tx.query(
      `UPDATE webinar_questions q SET votes = q.votes - 1
       FROM webinar_question_votes v JOIN webinar_registrations r ON r.id = v.registration_id
       WHERE v.question_id = q.id AND r.email = $1`,
      [email],
    );
    await tx.query('DELETE FROM webinar_registrations WHERE email = $1', [email]);
    await tx.query('DELETE FROM webinar_speakers WHERE email = $1', [email]);
  }
}
