import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MemberNameView } from '../member-name.view.js';
import { IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '#common';
import { REFLECTION_MAX_LENGTH } from './homework.entity.js';

export class CompleteHomeworkDto {
  @ApiPropertyOptional({
    maxLength: REFLECTION_MAX_LENGTH,
    description: "For the group's facilitators only; sending it again replaces it",
  })
  @IsOmittable()
  @IsString()
  @MaxLength(REFLECTION_MAX_LENGTH)
  reflection?: string;
}

/** A member's homework as they see it (their reflection is for the facilitators). */
export class HomeworkView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The session it was given at' })
  sessionId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null in a group without a curriculum',
  })
  moduleTitle!: string | null;

  @ApiProperty({ description: "The module's homework, one task per line" })
  text!: string;

  @ApiProperty({
    description: "The group's next session's start (a week after this one's after the last)",
  })
  dueAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  completedAt!: Date | null;
}

export class HomeworkList {
  @ApiProperty({ type: [HomeworkView], description: 'The latest session first' })
  items!: HomeworkView[];
}

export class HomeworkCompletionView extends MemberNameView {
  @ApiProperty({ type: Date, nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true, description: "The member's reflection, if any" })
  reflection!: string | null;
}

/** A session's homework and who has done it, for the group's facilitators. */
export class SessionHomeworkView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null in a group without a curriculum',
  })
  moduleTitle!: string | null;

  @ApiProperty({ description: "The module's homework, one task per line; empty when it has none" })
  text!: string;

  @ApiProperty({ description: 'Whether it is assigned: the session has started and has homework' })
  assigned!: boolean;

  @ApiProperty()
  dueAt!: Date;

  @ApiProperty({ type: 'integer', description: 'How many members have done it' })
  completed!: number;

  @ApiProperty({
    type: [HomeworkCompletionView],
    description: 'Active members by alias, then former members who completed it',
  })
  members!: HomeworkCompletionView[];
}
