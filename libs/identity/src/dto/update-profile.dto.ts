import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsString,
  IsTimeZone,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '#common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ReminderChannelsDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  inApp?: boolean;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ description: 'The alias other members see' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName?: string;

  @ApiPropertyOptional({ example: 'Europe/London', description: 'Times in reminders use it' })
  @IsOmittable()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ type: ReminderChannelsDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ReminderChannelsDto)
  reminderChannels?: ReminderChannelsDto;
}
