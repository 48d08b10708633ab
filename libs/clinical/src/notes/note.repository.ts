import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { NoteAddendum, SessionNote, SessionNoteSignature } from './session-note.entity.js';

/** A group member as the notes list them, with what the attendance record says of them. */
export interface NoteMember {
  userId: string;
  displayName: string;
  legalName: string | null;
  /** The effective attendance status (a facilitator's override first), null before any record. */
  attendance: string | null;
}

/** A session's notes: drafts, the signature that locks them, and addenda after it. */
@Injectable()
export class NoteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forSession(sessionId: string) {
    const [notes, signature, addenda] = await Promise.all([
      this.dataSource.getRepository(SessionNote).findBy({ sessionId }),
      this.dataSource.getRepository(SessionNoteSignature).findOneBy({ sessionId }),
      this.dataSource
        .getRepository(NoteAddendum)
        .find({ where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { notes, signature, addenda };
  }

  /**
   * The group's active members by alias with their attendance at the session, read across the
   * enrollments, users and attendance tables here: what a group note's draft starts from.
   */
  members(sessionId: string, groupId: string): Promise<NoteMember[]> {
    return this.dataSource.query<NoteMember[]>(
      `SELECT e.user_id AS "userId", u.display_name AS "displayName",
         u.legal_name AS "legalName", COALESCE(a.override_status, a.status) AS attendance
       FROM enrollments e
       JOIN users u ON u.id = e.user_id
       LEFT JOIN attendance a ON a.session_id = $1 AND a.user_id = e.user_id
       WHERE e.group_id = $2 AND e.status = 'active'
       ORDER BY u.display_name, e.user_id`,
      [sessionId, groupId],
    );
  }

  /** The signature, locked until `tx` ends: a sign, an edit and an addendum never cross. */
  lockSignature(sessionId: string, tx: Tx): Promise<SessionNoteSignature | null> {
    return tx.findOne(SessionNoteSignature, {
      where: { sessionId },
      lock: { mode: 'pessimistic_read' },
    });
  }

  /** Writes the draft (the group note when `subjectUserId` is null). */
  async saveDraft(
    note: Pick<
      SessionNote,
      'sessionId' | 'subjectUserId' | 'content' | 'updatedById' | 'updatedAt'
    >,
    tx: Tx,
  ): Promise<void> {
    const target =
      note.subjectUserId === null
        ? '(session_id) WHERE subject_user_id IS NULL'
        : '(session_id, subject_user_id) WHERE subject_user_id IS NOT NULL';
    await tx.query(
      `INSERT INTO session_notes (session_id, subject_user_id, content, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ${target}
       DO UPDATE SET content = EXCLUDED.content, updated_by_id = EXCLUDED.updated_by_id,
         updated_at = EXCLUDED.updated_at`,
      [note.sessionId, note.subjectUserId, note.content, note.updatedById, note.updatedAt],
    );
  }

  /** Signs the session's notes; answers false when they were signed already. */
  async sign({ sessionId, signedById, signedAt }: SessionNoteSignature, tx: Tx): Promise<boolean> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO session_note_signatures (session_id, signed_by_id, signed_at)
       VALUES ($1, $2, $3) ON CONFLICT (session_id) DO NOTHING RETURNING session_id`,
      [sessionId, signedById, signedAt],
    );
    return inserted.length === 1;
  }

  async addAddendum(addendum: Omit<NoteAddendum, 'id'>, tx: Tx): Promise<NoteAddendum> {
    return tx.save(tx.create(NoteAddendum, addendum));
  }
}
