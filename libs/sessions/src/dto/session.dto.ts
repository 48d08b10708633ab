import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable } from '#common';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class RescheduleSessionDto {
  @ApiProperty({ example: '2026-11-12T00:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;
}

export class CancelSessionDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ description: 'Move the remaining modules one slot later' })
  @IsOmittable()
  @IsBoolean()
  shiftCurriculum?: boolean;
}

export class ChangeSeriesDto {
  @ApiProperty({ description: 'The first session to change; later ones follow' })
  @IsUUID()
  fromSessionId!: string;

  @ApiProperty({ example: '18:30' })
  @Matches(LOCAL_TIME, { message: 'startTime must be HH:mm' })
  startTime!: string;

  @ApiPropertyOptional({ example: 90 })
  @IsOmittable()
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes?: number;
}
