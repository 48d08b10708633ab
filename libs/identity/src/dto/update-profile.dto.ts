import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsString,
  IsTimeZone,
  MaxLength,
  MinLength,
  ValidateIf,
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "The person's legal name: only their groups' facilitators and their organizations' admins see it; '' or null removes it",
  })
  @IsOmittable()
  @Transform(trim)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(120)
  legalName?: string | null;

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
