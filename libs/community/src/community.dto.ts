import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '#common';
import {
  CONTENT_WARNING_MAX_LENGTH,
  DIGEST_CHOICES,
  type DigestChoice,
  MODERATION_REASON_MAX_LENGTH,
  POST_BODY_MAX_LENGTH,
  REPORT_REASON_MAX_LENGTH,
} from './community.entities.js';

/** The api takes no longer array (REQUEST_LIMITS.maxArrayLength). */
export const WATCHED_WORDS_MAX = 200;
export const WATCHED_WORD_MAX_LENGTH = 64;

export class CreatePostDto {
  @ApiProperty({ minLength: 1, maxLength: POST_BODY_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(POST_BODY_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Hide your alias from other members (facilitators still see who)',
  })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ maxLength: CONTENT_WARNING_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(CONTENT_WARNING_MAX_LENGTH)
  contentWarning?: string;
}

export class CheckDraftDto {
  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH })
  @IsString()
  @MaxLength(POST_BODY_MAX_LENGTH)
  body!: string;
}

export class ReportPostDto {
  @ApiProperty({ minLength: 1, maxLength: REPORT_REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REPORT_REASON_MAX_LENGTH)
  reason!: string;
}

export class ModerationReasonDto {
  @ApiPropertyOptional({ maxLength: MODERATION_REASON_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(MODERATION_REASON_MAX_LENGTH)
  reason?: string;
}

export class MuteMemberDto extends ModerationReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the mute ends (in the future)' })
  @IsISO8601({ strict: true })
  until!: string;
}

export class ReadMarkerDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Read up to this time' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  lastReadAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Or: read up to this post (its time)' })
  @IsOmittable()
  @IsUUID()
  postId?: string;
}

export class WatchedWordsDto {
  @ApiProperty({
    type: [String],
    maxItems: WATCHED_WORDS_MAX,
    description: 'Words or phrases; matched whole and case-insensitively',
  })
  @IsArray()
  @ArrayMaxSize(WATCHED_WORDS_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(WATCHED_WORD_MAX_LENGTH, { each: true })
  words!: string[];
}

export class CommunityPreferencesDto {
  @ApiProperty({ enum: DIGEST_CHOICES })
  @IsIn(DIGEST_CHOICES)
  digest!: DigestChoice;
}
