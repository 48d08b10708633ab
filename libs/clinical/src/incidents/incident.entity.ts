import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from '#sessions';

export const INCIDENT_KINDS = ['safety', 'conduct', 'technical', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The longest description, or account of actions taken, of one incident. */
export const INCIDENT_TEXT_MAX_LENGTH = 8000;

/**
 * Something that happened during a session, recorded by a facilitator: append-only (the
 * database refuses an UPDATE, and a DELETE but the retention purge's); a correction is a new incident that names the one it corrects.
 * The person it is about, if any, is a bare id, so it outlives their account for the clinical
 * retention period.
 */
@Entity('incidents')
@Index('incidents_session_id_created_at_idx', ['sessionId', 'createdAt'])
@Index('incidents_subject_user_id_idx', ['subjectUserId'])
@Check('incidents_kind_check', `"kind" IN (${INCIDENT_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check(
  'incidents_description_length_check',
  `char_length("description") BETWEEN 1 AND ${INCIDENT_TEXT_MAX_LENGTH}`,
)
@Check(
  'incidents_actions_taken_length_check',
  `char_length("actions_taken") <= ${INCIDENT_TEXT_MAX_LENGTH}`,
)
export class Incident {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'incidents_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;

  @Column('text')
  kind!: IncidentKind;

  @Column('text')
  description!: string;

  @Column('text', { name: 'actions_taken' })
  actionsTaken!: string;

  /** Null once the corrected incident was purged (it was about someone else, erased). */
  @ForeignKey(() => Incident, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'corrects_id', nullable: true })
  correctsId!: string | null;

  @Column('uuid', { name: 'reported_by_id' })
  reportedById!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
