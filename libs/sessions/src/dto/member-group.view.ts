import { ApiProperty } from '@nestjs/swagger';
import { MaterialView } from '#curricula';
import { ListOf } from '#common';
import { SESSION_STATUSES, type SessionStatus } from '../session-state.js';

/** A session in short, as a member's lists show it. */
export class SessionBrief {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', description: 'Its place in the series, from 1' })
  sequence!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The curriculum module held; null in a group without a curriculum',
  })
  moduleTitle!: string | null;

  @ApiProperty()
  startsAt!: Date;

  @ApiProperty()
  endsAt!: Date;

  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'SessionStatus' })
  status!: SessionStatus;
}

/** One of the caller's groups: a seat or a waitlist place, and what comes next. */
export class MyGroupView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    enum: ['active', 'waitlisted'],
    description: '`waitlisted` while the group is full',
  })
  status!: 'active' | 'waitlisted';

  @ApiProperty({
    type: SessionBrief,
    nullable: true,
    description: 'The next session not yet over and not cancelled; null when the series is done',
  })
  nextSession!: SessionBrief | null;
}

export class MyGroupList extends ListOf(MyGroupView) {}

/** What members see of a module: never the agenda's facilitator notes. */
export class MemberModuleView {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String] })
  goals!: string[];

  @ApiProperty({ type: [MaterialView] })
  materials!: MaterialView[];

  @ApiProperty({ type: [String] })
  homework!: string[];
}

/** This week in a group: the session that is next (or the last one, once the series is over). */
export class CurrentModuleView {
  @ApiProperty({ type: SessionBrief })
  session!: SessionBrief;

  @ApiProperty({
    type: MemberModuleView,
    nullable: true,
    description: 'Null if the module is gone',
  })
  module!: MemberModuleView | null;
}
