import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Group } from '#groups';
import { User } from '#identity';
import { Organization } from '#organizations';

export const POST_BODY_MAX_LENGTH = 4000;
export const CONTENT_WARNING_MAX_LENGTH = 200;
export const REPORT_REASON_MAX_LENGTH = 500;
export const MODERATION_REASON_MAX_LENGTH = 500;

export const POST_STATUSES = ['visible', 'held', 'hidden', 'removed'] as const;
/** `removed`: its author erased their account; the thread keeps its place without the text. */
export type PostStatus = (typeof POST_STATUSES)[number];

export const HELD_REASONS = ['link', 'watched_word', 'crisis'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export const MODERATION_ACTIONS = [
  'approve',
  'hide',
  'restore',
  'pin',
  'unpin',
  'mute',
  'unmute',
  'dismiss_reports',
] as const;
export type ModerationActionKind = (typeof MODERATION_ACTIONS)[number];

export const DIGEST_CHOICES = ['daily', 'none'] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];

/**
 * A post in a group's space, or a reply (`parentId`). The author is a bare id: erasure blanks
 * the text and the author, and the thread keeps its shape. `anonymous` hides the author from
 * members only; facilitators always see who wrote it.
 */
@Entity('community_posts')
@Index('community_posts_group_id_created_at_idx', ['groupId', 'createdAt', 'id'], {
  where: '"parent_id" IS NULL',
})
@Index('community_posts_parent_id_created_at_idx', ['parentId', 'createdAt', 'id'], {
  where: '"parent_id" IS NOT NULL',
})
@Index('community_posts_author_id_idx', ['authorId'], { where: '"author_id" IS NOT NULL' })
@Check('community_posts_status_check', `"status" IN ('visible', 'held', 'hidden', 'removed')`)
@Check('community_posts_body_length_check', `char_length("body") <= ${POST_BODY_MAX_LENGTH}`)
@Check(
  'community_posts_content_warning_length_check',
  `"content_warning" IS NULL OR char_length("content_warning") <= ${CONTENT_WARNING_MAX_LENGTH}`,
)
export class CommunityPost {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'community_posts_pkey' })
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @ForeignKey(() => CommunityPost, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column('boolean', { default: false })
  anonymous!: boolean;

  @Column('text')
  body!: string;

  @Column('text', { name: 'content_warning', nullable: true })
  contentWarning!: string | null;

  @Column('text')
  status!: PostStatus;

  /** Why it was held when posted (kept after approval, for the log). */
  @Column('text', { name: 'held_reasons', array: true, default: () => "'{}'" })
  heldReasons!: HeldReason[];

  @Column('timestamptz', { name: 'pinned_at', nullable: true })
  pinnedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

/** One report per reporter and post; the reporter is kept for audit and never answered. */
@Entity('community_post_reports')
@Index('community_post_reports_post_id_reporter_id_key', ['postId', 'reporterId'], {
  unique: true,
})
@Index('community_post_reports_reporter_id_idx', ['reporterId'])
@Check(
  'community_post_reports_reason_length_check',
  `char_length("reason") <= ${REPORT_REASON_MAX_LENGTH}`,
)
export class CommunityPostReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'community_post_reports_pkey' })
  id!: string;

  @ForeignKey(() => CommunityPost, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('uuid', { name: 'reporter_id' })
  reporterId!: string;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  /** Set by the next moderation action on the post: it leaves the queue. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;
}

/** Append-only (the database refuses updates): who did what to which post or member, and why. */
@Entity('community_moderation_actions')
@Index('community_moderation_actions_group_id_created_at_idx', ['groupId', 'createdAt', 'id'])
@Check(
  'community_moderation_actions_action_check',
  `"action" IN ('approve', 'hide', 'restore', 'pin', 'unpin', 'mute', 'unmute', 'dismiss_reports')`,
)
export class CommunityModerationAction {
  @PrimaryGeneratedColumn('uuid', {
    primaryKeyConstraintName: 'community_moderation_actions_pkey',
  })
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: ModerationActionKind;

  @Column('uuid', { name: 'post_id', nullable: true })
  postId!: string | null;

  @Column('uuid', { name: 'subject_user_id', nullable: true })
  subjectUserId!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('timestamptz', { nullable: true })
  until!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

/** A member who may not post or reply in the group until `until`. */
@Entity('community_mutes')
export class CommunityMute {
  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'group_id', primaryKeyConstraintName: 'community_mutes_pkey' })
  groupId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'community_mutes_pkey' })
  userId!: string;

  @Column('timestamptz')
  until!: Date;
}

/** How far a person has read a group's space. */
@Entity('community_read_markers')
export class CommunityReadMarker {
  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'group_id',
    primaryKeyConstraintName: 'community_read_markers_pkey',
  })
  groupId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'user_id',
    primaryKeyConstraintName: 'community_read_markers_pkey',
  })
  userId!: string;

  @Column('timestamptz', { name: 'last_read_at' })
  lastReadAt!: Date;
}

/** The organization's watched words: a post containing one is held for a facilitator. */
@Entity('community_watched_words')
export class CommunityWatchedWords {
  @ForeignKey(() => Organization, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'organization_id',
    primaryKeyConstraintName: 'community_watched_words_pkey',
  })
  organizationId!: string;

  @Column('text', { array: true })
  words!: string[];

  @Column('uuid', { name: 'updated_by_id', nullable: true })
  updatedById!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** A person's choice of digest e-mail; no row means the default, daily. */
@Entity('community_preferences')
@Check('community_preferences_digest_check', `"digest" IN ('daily', 'none')`)
export class CommunityPreference {
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'user_id',
    primaryKeyConstraintName: 'community_preferences_pkey',
  })
  userId!: string;

  @Column('text')
  digest!: DigestChoice;
}

/**
 * A crisis-sounding draft or post, flagged to the group's facilitators: one per writer and group
 * within a few hours. The writer is known to facilitators (they may need to reach out).
 */
@Entity('community_crisis_flags')
@Index('community_crisis_flags_group_id_user_id_created_at_idx', ['groupId', 'userId', 'createdAt'])
export class CommunityCrisisFlag {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'community_crisis_flags_pkey' })
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ForeignKey(() => CommunityPost, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'post_id', nullable: true })
  postId!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('uuid', { name: 'resolved_by_id', nullable: true })
  resolvedById!: string | null;
}

/** One digest per person, day and channel: claimed before it is sent, so none goes twice. */
@Entity('community_digest_deliveries')
@Check('community_digest_deliveries_status_check', `"status" IN ('sending', 'sent')`)
@Check('community_digest_deliveries_channel_check', `"channel" IN ('email', 'in_app')`)
export class CommunityDigestDelivery {
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'user_id',
    primaryKeyConstraintName: 'community_digest_deliveries_pkey',
  })
  userId!: string;

  @PrimaryColumn('date', {
    name: 'digest_date',
    primaryKeyConstraintName: 'community_digest_deliveries_pkey',
  })
  digestDate!: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'community_digest_deliveries_pkey' })
  channel!: 'email' | 'in_app';

  @Column('text')
  status!: 'sending' | 'sent';

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}

export const COMMUNITY_ENTITIES = [
  CommunityPost,
  CommunityPostReport,
  CommunityModerationAction,
  CommunityMute,
  CommunityReadMarker,
  CommunityWatchedWords,
  CommunityPreference,
  CommunityCrisisFlag,
  CommunityDigestDelivery,
];
