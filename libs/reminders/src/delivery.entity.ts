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

export type DeliveryKind = 'reminder' | 'session_cancelled' | 'session_moved' | 'measure_reminder';
export type DeliveryChannel = 'email' | 'in_app';

/**
 * One message to one person on one channel. The unique key makes a second run of the same job
 * send nothing: a row is claimed before sending and marked sent after. `variant` is the offset in
 * minutes for reminders (0 for change notices); `revision` the session's revision.
 */
@Entity('deliveries')
@Index('deliveries_key', ['kind', 'sessionId', 'userId', 'variant', 'revision', 'channel'], {
  unique: true,
})
@Check('deliveries_status_check', `"status" IN ('sending', 'sent')`)
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: DeliveryKind;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('integer')
  variant!: number;

  /** The session's revision when sent: a moved session is reminded again at its new time. */
  @Column('integer', { default: 0 })
  revision!: number;

  @Column('text')
  channel!: DeliveryChannel;

  @Column('text')
  status!: 'sending' | 'sent';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
