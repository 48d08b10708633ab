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

/** An in-app notification: what `GET /me/notifications` lists. */
@Entity('notifications')
@Index('notifications_user_id_created_at_idx', ['userId', 'createdAt'])
@Check(
  'notifications_link_check',
  `"link" IS NULL OR ("link" ~ '^/([^/\\\\]|$)' AND char_length("link") <= 500)`,
)
@Index('notifications_subject_user_id_idx', ['subjectUserId'], {
  where: '"subject_user_id" IS NOT NULL',
})
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  /**
   * Whom the notification is about when that is not its reader (a lead told that a member missed
   * sessions): erasing that person deletes it too.
   */
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;

  @ForeignKey(() => Session, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  /** Where it leads in the app: a path such as `/groups/<id>/space?tab=moderation`, or none. */
  @Column('text', { nullable: true })
  link!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
