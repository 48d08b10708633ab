import { CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { User } from '#identity';
import { Session } from '#sessions';

/** That the lead facilitator was told about a member's absences as of this session: once. */
@Entity('absence_follow_ups')
export class AbsenceFollowUp {
  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
