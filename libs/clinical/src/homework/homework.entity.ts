import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from '#sessions';

/** The longest reflection a member may write on their homework. */
export const REFLECTION_MAX_LENGTH = 4000;

/**
 * A session's homework assigned to one member: one row per session and person, dated at the
 * session's start whenever it is written (assignment is idempotent). The text is the module's,
 * read from the group's frozen curriculum version. The reflection is for facilitators only.
 * The person is a bare id, so the record outlives an account for the clinical retention period.
 */
@Entity('homework')
@Index('homework_session_id_user_id_key', ['sessionId', 'userId'], { unique: true })
@Index('homework_user_id_assigned_at_idx', ['userId', 'assignedAt'])
@Check(
  'homework_reflection_length_check',
  `"reflection" IS NULL OR char_length("reflection") <= ${REFLECTION_MAX_LENGTH}`,
)
export class Homework {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'homework_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  /** The session's start: homework is handed out with the session. */
  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  reflection!: string | null;
}
