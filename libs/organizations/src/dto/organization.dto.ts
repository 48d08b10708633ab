import { IsOmittable } from '#common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organization-role.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Riverside Counselling' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London', description: 'IANA time zone' })
  @IsOmittable()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    example: [1440, 60],
    description: 'Minutes before a session',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(14 * 24 * 60, { each: true })
  reminderOffsetsMinutes?: number[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 36500,
    example: 2557,
    description:
      'Days the clinical records of a person who erased their account are kept, from the erasure',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(36500)
  clinicalRetentionDays?: number;

  @ApiPropertyOptional({ description: 'Text of the group agreement; a change makes a new version' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  groupAgreement?: string;
}

export class AddMemberDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES })
  @IsIn(ORGANIZATION_ROLES)
  role!: OrganizationRole;
}

export class CreateInvitationDto extends AddMemberDto {}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: 'A new password, or the existing account password' })
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ description: 'Alias other members see; required for a new account' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName?: string;
}
