import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsTimeZone,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '#common';
import { GROUP_KINDS, type GroupKind } from '../group.entity.js';
import { GROUP_LANGUAGE, MAX_TAGS, TAG_PATTERN } from '../group-tags.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateGroupDto {
  @ApiProperty({ example: 'Tuesday evening group' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    example: ['postpartum'],
    description: `Up to ${MAX_TAGS}; lower-case a-z, 0-9 and -, 1 to 40 characters each. GET /group-tags suggests well-known ones`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: 'each tag must be lower-case a-z, 0-9, -' })
  tags?: string[];

  @ApiPropertyOptional({
    enum: GROUP_KINDS,
    enumName: 'GroupKind',
    default: 'curriculum',
    description:
      'curriculum: follows a published curriculum, one session per module; support: an open-ended weekly support group people join any week; drop_in: open weekly meetings, a person asking is let in while a seat is free',
  })
  @IsOmittable()
  @IsIn(GROUP_KINDS)
  kind?: GroupKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The published curriculum version: required for a curriculum group, refused otherwise',
  })
  @IsOmittable()
  @IsUUID()
  curriculumVersionId?: string;

  @ApiPropertyOptional({
    example: 'en',
    default: 'en',
    description: 'The language the group meets in, a short BCP 47 code (en, bn, id, pt-BR, ...)',
  })
  @IsOmittable()
  @IsString()
  @Matches(GROUP_LANGUAGE, { message: 'language must be a short BCP 47 code such as en or pt-BR' })
  language?: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: '2026-10-20', description: 'Local date of the first session' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstSessionDate must be YYYY-MM-DD' })
  firstSessionDate!: string;

  @ApiProperty({ example: '19:00', description: 'Local start time, HH:mm' })
  @Matches(LOCAL_TIME, { message: 'startTime must be HH:mm' })
  startTime!: string;

  @ApiProperty({ example: 90 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes!: number;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity!: number;

  @ApiPropertyOptional({ example: 4 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(500)
  minSize?: number;

  @ApiProperty()
  @IsBoolean()
  lobbyEnabled!: boolean;

  @ApiPropertyOptional({ description: 'Let participants share their screen', default: false })
  @IsOmittable()
  @IsBoolean()
  participantScreenShare?: boolean;

  @ApiPropertyOptional({ description: 'Defaults to the caller' })
  @IsOmittable()
  @IsUUID()
  leadFacilitatorId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coFacilitatorIds?: string[];
}
