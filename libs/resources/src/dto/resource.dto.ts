import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsOmittable, PageQueryDto } from '#common';
import {
  RESOURCE_BODY_MAX_LENGTH,
  RESOURCE_KINDS,
  RESOURCE_TITLE_MAX_LENGTH,
  RESOURCE_URL_MAX_LENGTH,
  type ResourceKind,
} from '../resource.entity.js';

export const TAGS_MAX = 12;
export const TAG_MAX_LENGTH = 40;
/** How many resources one module may list. */
export const MODULE_RESOURCES_MAX = 30;
/** The highest module index addressed (curricula are far shorter). */
export const MODULE_INDEX_MAX = 199;

/** Letters, marks and digits in any script (Bengali needs the marks), words joined by a space or dash. */
export const TAG_PATTERN = /^[\p{L}\p{M}\p{N}]+(?:[ -][\p{L}\p{M}\p{N}]+)*$/u;
/** A short BCP 47 tag: a language, and optionally a region or script. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-(?:[A-Z]{2}|[A-Z][a-z]{3}|\d{3}))?$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

/** https only, with a real host name and no user:password: nothing to run, nothing to hide. */
const HTTPS = {
  protocols: ['https'],
  require_protocol: true,
  require_host: true,
  require_tld: true,
  disallow_auth: true,
  allow_protocol_relative_urls: false,
};
const HTTPS_MESSAGE = { message: 'url must be an https:// web address (https://example.org/...)' };

const TAG_MESSAGE = {
  each: true,
  message: `each tag must be 1 to ${TAG_MAX_LENGTH} letters or digits, words separated by a space or dash`,
};
const LANGUAGE_MESSAGE = { message: 'language must be a language code such as en, bn or id' };

/** Up to TAGS_MAX tags, each once (whatever its case), each a TAG_PATTERN word or two. */
const TagList = () =>
  applyDecorators(
    IsOmittable(),
    Transform(trimAll),
    IsArray(),
    ArrayMaxSize(TAGS_MAX),
    ArrayUnique((tag: string) => (typeof tag === 'string' ? tag.toLocaleLowerCase() : tag)),
    IsString({ each: true }),
    MaxLength(TAG_MAX_LENGTH, { each: true }),
    Matches(TAG_PATTERN, TAG_MESSAGE),
  );

class ResourceFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: RESOURCE_TITLE_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(RESOURCE_TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({ enum: RESOURCE_KINDS, enumName: 'ResourceKind' })
  @IsIn(RESOURCE_KINDS)
  kind!: ResourceKind;

  @ApiProperty({ example: 'en', description: 'A language code (BCP 47): en, bn, id, ...' })
  @IsString()
  @Matches(LANGUAGE_PATTERN, LANGUAGE_MESSAGE)
  language!: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['sleep', 'mood'] })
  @TagList()
  tags?: string[];
}

export class CreateResourceDto extends ResourceFieldsDto {
  @ApiPropertyOptional({
    maxLength: RESOURCE_URL_MAX_LENGTH,
    description: 'An https address; required for videos, audio and links',
  })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(RESOURCE_URL_MAX_LENGTH)
  @IsUrl(HTTPS, HTTPS_MESSAGE)
  url?: string;

  @ApiPropertyOptional({
    maxLength: RESOURCE_BODY_MAX_LENGTH,
    description: 'Plain text (never HTML): an article or a worksheet',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(RESOURCE_BODY_MAX_LENGTH)
  body?: string;
}

/** Any field of a resource; `url` or `body` sent as null removes it. */
export class UpdateResourceDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: RESOURCE_TITLE_MAX_LENGTH })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(RESOURCE_TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ enum: RESOURCE_KINDS, enumName: 'ResourceKind' })
  @IsOmittable()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ example: 'bn' })
  @IsOmittable()
  @IsString()
  @Matches(LANGUAGE_PATTERN, LANGUAGE_MESSAGE)
  language?: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @TagList()
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RESOURCE_URL_MAX_LENGTH })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(RESOURCE_URL_MAX_LENGTH)
  @IsUrl(HTTPS, HTTPS_MESSAGE)
  url?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RESOURCE_BODY_MAX_LENGTH })
  @ValidateIf((_o, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(RESOURCE_BODY_MAX_LENGTH)
  body?: string | null;
}

export class ResourceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only resources with this tag' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(TAG_MAX_LENGTH)
  @Matches(TAG_PATTERN, { message: 'tag must be letters or digits' })
  tag?: string;

  @ApiPropertyOptional({ example: 'bn' })
  @IsOmittable()
  @IsString()
  @Matches(LANGUAGE_PATTERN, LANGUAGE_MESSAGE)
  language?: string;

  @ApiPropertyOptional({ enum: RESOURCE_KINDS, enumName: 'ResourceKind' })
  @IsOmittable()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ maxLength: 100, description: 'Words in the title, text or tags' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** `:curriculumId/modules/:index`: the module is its curriculum and 0-based position. */
export class ModuleParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  curriculumId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MODULE_INDEX_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MODULE_INDEX_MAX)
  index!: number;
}

export class AttachResourcesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MODULE_RESOURCES_MAX,
    description: "The module's resources in order, replacing the list; [] removes them all",
  })
  @IsArray()
  @ArrayMaxSize(MODULE_RESOURCES_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  resourceIds!: string[];
}
