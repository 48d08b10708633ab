import { IsOmittable } from '#common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `goals` and `homework` may be one text or a list of them. */
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value);

export class AgendaItemDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ minimum: 1, maximum: 240 })
  @IsInt()
  @Min(1)
  @Max(240)
  minutes!: number;

  @ApiPropertyOptional({ description: 'For facilitators only' })
  @IsOmittable()
  @IsString()
  @MaxLength(4000)
  facilitatorNotes?: string;
}

export class MaterialDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(20_000)
  text?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
}

export class ExerciseDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(10_000)
  instructions!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(240)
  minutes?: number;
}

export class ModuleDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  goals?: string[];

  @ApiProperty({ type: [AgendaItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda!: AgendaItemDto[];

  @ApiPropertyOptional({ type: [MaterialDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];

  @ApiPropertyOptional({ type: [ExerciseDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExerciseDto)
  exercises?: ExerciseDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  homework?: string[];
}

/** Either `templateKey`, or a title and modules of its own. */
export class CreateCurriculumDto {
  @ApiPropertyOptional({ example: 'cbt-depression-8' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  templateKey?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: CreateCurriculumDto) => dto.templateKey === undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [ModuleDto] })
  @ValidateIf((dto: CreateCurriculumDto) => dto.templateKey === undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(52)
  @ValidateNested({ each: true })
  @Type(() => ModuleDto)
  modules?: ModuleDto[];
}

export class CreateVersionDto {
  @ApiProperty({ type: [ModuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(52)
  @ValidateNested({ each: true })
  @Type(() => ModuleDto)
  modules!: ModuleDto[];
}
