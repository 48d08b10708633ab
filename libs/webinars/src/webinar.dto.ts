import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsISO8601,
  IsIn,
  IsInt,
  IsString,
  IsTimeZone,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto, IsOmittable } from '#common';
import type { QuestionStatus } from './webinar.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateWebinarDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({ example: '2027-03-02T18:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes!: number;

  @ApiProperty({ example: 'Europe/London' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: 500 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  qaModeration?: boolean;
}

export class AddSpeakerDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName!: string;
}

export class RegisterForWebinarDto extends AddSpeakerDto {}

export class AddHostDto {
  @ApiProperty({ description: 'A staff member (owner, admin or therapist) of the organization' })
  @IsUUID()
  userId!: string;
}

export class AskQuestionDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  text!: string;

  @ApiPropertyOptional({ description: 'Hide your name from everyone, hosts included' })
  @IsOmittable()
  @IsBoolean()
  anonymous?: boolean;
}

const QUESTION_STATUSES: QuestionStatus[] = ['held', 'visible', 'answered', 'dismissed'];

/** A page of questions, optionally of one status (hosts read the held ones apart, oldest first). */
export class ListQuestionsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @IsOmittable()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;
}
