import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#identity';
import { Session } from '#sessions';

export type LobbyStatus = 'waiting' | 'admitted' | 'denied';

/**
 * A participant waiting to be let into a session's room. LiveKit has no lobby: no token exists
 * for this person until a facilitator admits the entry.
 */
@Entity('lobby_entries')
@Index('lobby_entries_session_id_user_id_key', ['sessionId', 'userId'], { unique: true })
@Check('lobby_entries_status_check', `"status" IN ('waiting', 'admitted', 'denied')`)
export class LobbyEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { default: 'waiting' })
  status!: LobbyStatus;

  @CreateDateColumn({ name: 'waiting_since', type: 'timestamptz' })
  waitingSince!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @ForeignKey(() => User)
  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById!: string | null;
}
