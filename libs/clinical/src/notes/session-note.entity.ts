import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from '#sessions';

/**
 * A session's group note (no subject) or a note about one member. Drafts until the session's
 * notes are signed; after that the database refuses changes (migration SessionNotes).
 */
@Entity('session_notes')
@Index('session_notes_group_note_key', ['sessionId'], {
  unique: true,
  where: '"subject_user_id" IS NULL',
})
@Index('session_notes_member_note_key', ['sessionId', 'subjectUserId'], {
  unique: true,
  where: '"subject_user_id" IS NOT NULL',
})
export class SessionNote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'session_notes_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;

  @Column('text')
  content!: string;

  @Column('uuid', { name: 'updated_by_id' })
  updatedById!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** Who signed a session's notes, and when: from then on they are locked. */
@Entity('session_note_signatures')
export class SessionNoteSignature {
  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'session_id',
    primaryKeyConstraintName: 'session_note_signatures_pkey',
  })
  sessionId!: string;

  @Column('uuid', { name: 'signed_by_id' })
  signedById!: string;

  @Column('timestamptz', { name: 'signed_at' })
  signedAt!: Date;
}

/** Text added to a signed note, dated, never changed. */
@Entity('note_addenda')
@Index('note_addenda_session_id_created_at_idx', ['sessionId', 'createdAt'])
export class NoteAddendum {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'note_addenda_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  /** The member note it adds to; null for the group note. */
  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;

  @Column('text')
  content!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
