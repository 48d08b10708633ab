import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '#common';
import { CrisisResourceView } from '#clinical';
import {
  DIGEST_CHOICES,
  type DigestChoice,
  HELD_REASONS,
  type HeldReason,
  MODERATION_ACTIONS,
  type ModerationActionKind,
  POST_STATUSES,
  type PostStatus,
} from './community.entities.js';

export class PostAuthorView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: "The author's alias" })
  displayName!: string;
}

/** A post or reply as the viewer may see it. */
export class PostView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The post it answers; null for a top-level post',
  })
  parentId!: string | null;

  @ApiProperty({
    type: PostAuthorView,
    nullable: true,
    description:
      'Null for members when the post is anonymous (or its author erased their account); ' +
      'facilitators always see who wrote it',
  })
  author!: PostAuthorView | null;

  @ApiProperty()
  anonymous!: boolean;

  @ApiProperty({ description: 'Empty when the post was removed with its author account' })
  body!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When set, show this and keep the body collapsed until opened',
  })
  contentWarning!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: 'integer', description: 'Replies the viewer can see' })
  replyCount!: number;

  @ApiProperty({
    enum: POST_STATUSES,
    description:
      'Members see only visible posts, removed ones and their own held (waiting for review) ' +
      'or hidden (by a facilitator) ones',
  })
  status!: PostStatus;

  @ApiProperty({
    enum: HELD_REASONS,
    isArray: true,
    description: 'Why it was held; to facilitators and its author only, else empty',
  })
  heldReasons!: HeldReason[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why a facilitator hid it, as they wrote it; to facilitators and its author only, else null',
  })
  hiddenReason!: string | null;

  @ApiProperty()
  pinned!: boolean;

  @ApiProperty({ description: 'Whether the viewer wrote it' })
  mine!: boolean;
}

export class PostPage extends PageOf(PostView) {}

/** What posting answers. */
export class PostCreatedView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['visible', 'held'] })
  status!: 'visible' | 'held';

  @ApiProperty({ enum: HELD_REASONS, isArray: true, description: 'Why it waits for review' })
  reasons!: HeldReason[];

  @ApiProperty({ description: 'Whether it reads like a crisis' })
  crisis!: boolean;

  @ApiProperty({
    type: [CrisisResourceView],
    description: "Where to turn now, for the writer's language; not empty when crisis is true",
  })
  resources!: CrisisResourceView[];

  @ApiPropertyOptional({ description: 'Why it is held, in words for the writer' })
  message?: string;
}

/** What checking a draft answers: nothing is stored but a crisis flag. */
export class DraftCheckView {
  @ApiProperty()
  crisis!: boolean;

  @ApiProperty({ type: [CrisisResourceView] })
  resources!: CrisisResourceView[];

  @ApiProperty({ description: 'Whether posting it would hold it for review' })
  held!: boolean;

  @ApiProperty({ enum: HELD_REASONS, isArray: true })
  reasons!: HeldReason[];
}

export class ReportReceivedView {
  @ApiProperty({
    description: 'Always true: the facilitators will look; the author is not told who',
  })
  received!: boolean;
}

/** A post in the moderation queue with its reports, as counts and reasons (never who). */
export class ModerationPostView extends PostView {
  @ApiProperty({ type: 'integer', description: 'Open reports' })
  reportCount!: number;

  @ApiProperty({ type: [String], description: "The open reports' reasons, never who sent them" })
  reportReasons!: string[];
}

export class CrisisFlagView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: PostAuthorView, description: 'Who may need support' })
  member!: PostAuthorView;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The held post, or null when only a draft was checked',
  })
  postId!: string | null;

  @ApiProperty()
  createdAt!: Date;
}

export class ModerationQueueView {
  @ApiProperty({ type: [ModerationPostView], description: 'Held posts and replies, oldest first' })
  held!: ModerationPostView[];

  @ApiProperty({ type: [ModerationPostView], description: 'Posts with open reports' })
  reported!: ModerationPostView[];

  @ApiProperty({ type: [CrisisFlagView], description: 'Open crisis flags, newest first' })
  crisisFlags!: CrisisFlagView[];
}

export class ModerationActionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MODERATION_ACTIONS })
  action!: ModerationActionKind;

  @ApiProperty({ type: PostAuthorView, description: 'The facilitator who did it' })
  actor!: PostAuthorView;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  postId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The post's first words (about 60 characters) for the facilitators; null for a mute or " +
      'a post removed with its author',
  })
  postExcerpt!: string | null;

  @ApiProperty({ type: PostAuthorView, nullable: true, description: 'The member muted or unmuted' })
  subject!: PostAuthorView | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'The end of a mute' })
  until!: Date | null;

  @ApiProperty()
  createdAt!: Date;
}

export class ModerationLogPage extends PageOf(ModerationActionView) {}

export class MuteView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: Date, nullable: true, description: 'Null once unmuted' })
  until!: Date | null;
}

export class ActiveMuteView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'The member’s alias' })
  displayName!: string;

  @ApiProperty({ description: 'When the member may post again' })
  until!: Date;

  @ApiProperty({ type: String, nullable: true, description: 'Why, as the facilitator wrote it' })
  reason!: string | null;
}

export class ActiveMutesView {
  @ApiProperty({
    type: [ActiveMuteView],
    description: 'Mutes running now, the soonest to end first',
  })
  items!: ActiveMuteView[];
}

export class CrisisFlagResolvedView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  resolved!: boolean;
}

export class ReadMarkerView {
  @ApiProperty()
  lastReadAt!: Date;

  @ApiProperty({ type: 'integer' })
  unreadCount!: number;
}

/** The viewer's summary of a group's space. */
export class GroupSpaceView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ enum: ['facilitator', 'member'] })
  role!: 'facilitator' | 'member';

  @ApiProperty({
    type: 'integer',
    description: 'Posts and replies by others since the read marker',
  })
  unreadCount!: number;

  @ApiProperty({ type: Date, nullable: true })
  lastReadAt!: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Set while the viewer is muted here' })
  mutedUntil!: Date | null;

  @ApiProperty({
    enum: DIGEST_CHOICES,
    description: "The viewer's digest choice (for every group)",
  })
  digest!: DigestChoice;

  @ApiProperty({ type: 'integer', description: 'Facilitators: held, reported and crisis items' })
  moderationCount!: number;
}

export class WatchedWordsView {
  @ApiProperty({ type: [String] })
  words!: string[];
}

export class CommunityPreferencesView {
  @ApiProperty({ enum: DIGEST_CHOICES, description: 'daily (the default) or none' })
  digest!: DigestChoice;
}
