import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from '#sessions';

/**
 * A private side room during a session, for one facilitator and one member. The member is
 * invited, never pulled in: they join or decline. Its LiveKit room is `side-<id>`. People are
 * bare ids, so the record outlives an account for the clinical retention period.
 */
@Entity('side_rooms')
@Index('side_rooms_session_id_user_id_open_key', ['sessionId', 'userId'], {
  unique: true,
  where: '"closed_at" IS NULL',
})
@Index('side_rooms_user_id_created_at_idx', ['userId', 'createdAt'])
export class SideRoom {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'side_rooms_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  /** Who opened it. */
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId!: string;

  /** The member invited into it. */
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** When the member first accepted. */
  @Column('timestamptz', { name: 'joined_at', nullable: true })
  joinedAt!: Date | null;

  /** When the member said "not now" (which also closes it). */
  @Column('timestamptz', { name: 'declined_at', nullable: true })
  declinedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
