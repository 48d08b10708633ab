import { ApiProperty } from '@nestjs/swagger';
import { ListOf, PageOf } from '#common';
import type { WebinarActor } from './webinar-access.service.js';
import type { QuestionStatus } from './webinar.entity.js';

const QUESTION_STATUSES = ['held', 'visible', 'answered', 'dismissed'] as const;
const questionStatus = { enum: QUESTION_STATUSES, enumName: 'QuestionStatus' } as const;

/** What anyone may see of a webinar: never who registered, only how many seats are left. */
export class WebinarPublicView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  startsAt!: Date;

  @ApiProperty({ type: 'integer' })
  durationMinutes!: number;

  @ApiProperty({ example: 'Asia/Jakarta' })
  timezone!: string;

  @ApiProperty({ description: 'Questions are held until a host approves them' })
  qaModeration!: boolean;

  @ApiProperty({ type: 'integer' })
  seatsLeft!: number;

  @ApiProperty({ format: 'uri', description: 'The public page to share' })
  publicUrl!: string;
}

/** A new webinar, as its creator (now its first host) sees it. */
export class WebinarCreated extends WebinarPublicView {
  @ApiProperty({ type: 'integer' })
  capacity!: number;
}

export class SpeakerView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

/** A guest speaker as hosts see them: with the address their personal link went to. */
export class SpeakerDetails extends SpeakerView {
  @ApiProperty()
  email!: string;
}

export class SpeakerList extends ListOf(SpeakerDetails) {}

/** A webinar in its organization's list, as staff see it. */
export class WebinarSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  startsAt!: Date;

  @ApiProperty({ type: 'integer' })
  durationMinutes!: number;

  @ApiProperty({ example: 'Asia/Jakarta' })
  timezone!: string;

  @ApiProperty({ type: 'integer' })
  capacity!: number;

  @ApiProperty({ type: 'integer' })
  registered!: number;
}

export class WebinarSummaryPage extends PageOf(WebinarSummary) {}

export class WebinarHostView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;
}

export class WebinarHostList extends ListOf(WebinarHostView) {}

export class HostRemoved {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
}

/** A registration: keep the key; it is also in the e-mail. */
export class RegistrationCreated {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Send it as the `X-Access-Key` header, never in a URL' })
  accessKey!: string;
}

/** A registration as hosts see it. */
export class RegistrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ description: 'May publish (speak) until demoted' })
  promoted!: boolean;

  @ApiProperty()
  createdAt!: Date;
}

export class RegistrationPage extends PageOf(RegistrationView) {}

/** What livekit-client needs to connect to the webinar's room. */
export class WebinarJoinGrant {
  @ApiProperty()
  serverUrl!: string;

  @ApiProperty({ description: 'A short-lived LiveKit access token' })
  token!: string;

  @ApiProperty()
  roomName!: string;

  @ApiProperty()
  identity!: string;

  @ApiProperty({ enum: ['host', 'speaker', 'attendee'], description: 'Attendees cannot publish' })
  role!: WebinarActor['kind'];
}

export class QuestionAsked {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ ...questionStatus, description: '`held` under moderation, else `visible`' })
  status!: QuestionStatus;
}

export class QuestionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty(questionStatus)
  status!: QuestionStatus;

  @ApiProperty({ type: 'integer' })
  votes!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The asker's display name; null when asked anonymously",
  })
  author!: string | null;

  @ApiProperty({ description: "The caller's own question" })
  mine!: boolean;
}

export class QuestionPage extends PageOf(QuestionView) {}

export class VoteResult {
  @ApiProperty({ format: 'uuid', description: 'The question' })
  id!: string;

  @ApiProperty({ type: 'integer' })
  votes!: number;

  @ApiProperty({ description: 'false when this attendee had voted already' })
  counted!: boolean;
}

export class QuestionStatusView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty(questionStatus)
  status!: QuestionStatus;
}

export class PromotionView {
  @ApiProperty({ format: 'uuid', description: 'The registration' })
  id!: string;

  @ApiProperty()
  promoted!: boolean;
}
