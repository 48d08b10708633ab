import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { User } from '#identity';
import { Session } from '#sessions';

/** Someone a facilitator removed from a session: they get no new token for it. */
@Entity('session_removals')
export class SessionRemoval {
  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @ForeignKey(() => User)
  @Column('uuid', { name: 'removed_by_id' })
  removedById!: string;

  @CreateDateColumn({ name: 'removed_at', type: 'timestamptz' })
  removedAt!: Date;
}
