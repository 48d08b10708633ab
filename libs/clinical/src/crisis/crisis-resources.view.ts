import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** `en-GB`, `bn-BD`, `id`: a language, and a region where numbers differ by country. */
export const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export class CrisisResourceView {
  @ApiProperty({ example: 'Samaritans' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ description: 'What it is, in words a person in distress can act on' })
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  description!: string;

  @ApiPropertyOptional({ example: '116 123' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: '85258 (SHOUT)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  sms?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  url?: string;

  @ApiPropertyOptional({ example: '24/7' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  hours?: string;
}

export class CrisisResourceList {
  @ApiProperty({ example: 'bn-BD' })
  locale!: string;

  @ApiProperty({ type: [CrisisResourceView], description: "The organization's own first" })
  items!: CrisisResourceView[];
}

export class CrisisResourcesQueryDto {
  @ApiProperty({ example: 'bn-BD' })
  @Matches(LOCALE, { message: 'locale must look like en, en-GB or bn-BD' })
  locale!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Put this organization's own resources first",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class SetCrisisResourcesDto {
  @ApiProperty({ example: 'bn-BD' })
  @Matches(LOCALE, { message: 'locale must look like en, en-GB or bn-BD' })
  locale!: string;

  @ApiProperty({ type: [CrisisResourceView], maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CrisisResourceView)
  items!: CrisisResourceView[];
}
