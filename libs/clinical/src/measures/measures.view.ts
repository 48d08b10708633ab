import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { MemberNameView } from '../member-name.view.js';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CrisisResourceView } from '../crisis/crisis-resources.view.js';
import type { MeasureLanguage } from '../instrument-translations.js';
import { MEASURE_KEYS, type MeasureKey, type Severity } from '../instruments.js';

const SEVERITIES: Severity[] = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'];

export class MeasureItemView {
  @ApiProperty({ type: 'integer', description: 'From 1' })
  index!: number;

  @ApiProperty()
  text!: string;
}

export class AnswerOptionView {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 3 })
  value!: number;

  @ApiProperty()
  label!: string;
}

export class MeasureView {
  @ApiProperty({ enum: MEASURE_KEYS, enumName: 'MeasureKey' })
  key!: MeasureKey;

  @ApiProperty({ example: 'PHQ-9' })
  title!: string;

  @ApiProperty()
  stem!: string;

  @ApiProperty({ type: [MeasureItemView] })
  items!: MeasureItemView[];

  @ApiProperty({ type: [AnswerOptionView] })
  options!: AnswerOptionView[];
}

export class MeasureList {
  @ApiProperty({ enum: ['en', 'bn', 'id'], description: 'The language of the texts' })
  language!: 'en' | 'bn' | 'id';

  @ApiProperty({ type: [MeasureView] })
  items!: MeasureView[];
}

export class GroupMeasureSettingsDto {
  @ApiProperty({ enum: MEASURE_KEYS, isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEASURE_KEYS.length)
  @ArrayUnique()
  @IsIn(MEASURE_KEYS, { each: true })
  measures?: MeasureKey[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 52, required: false })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  measureEverySessions?: number;
}

export class GroupMeasureSettingsView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ enum: MEASURE_KEYS, isArray: true })
  measures!: MeasureKey[];

  @ApiProperty({ type: 'integer' })
  measureEverySessions!: number;
}

export class MeasureRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: MEASURE_KEYS, enumName: 'MeasureKey' })
  measureKey!: MeasureKey;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ description: 'When it opened' })
  dueAt!: Date;

  @ApiProperty({ description: 'The session start: it cannot be answered after' })
  expiresAt!: Date;

  @ApiProperty({ enum: ['due', 'completed', 'expired'] })
  status!: 'due' | 'completed' | 'expired';
}

export class MeasureRequestList {
  @ApiProperty({ type: [MeasureRequestView] })
  items!: MeasureRequestView[];
}

export class MeasureAnswersDto {
  @ApiProperty({ type: 'integer', isArray: true, description: 'One per item, each 0 to 3' })
  @IsArray()
  @ArrayMaxSize(9)
  answers!: number[];
}

export class MeasureResult {
  @ApiProperty({ type: 'integer' })
  score!: number;

  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  severity!: Severity;

  @ApiProperty({
    type: [CrisisResourceView],
    description:
      'Where to turn now; not empty when an answer says you think of dying or of hurting yourself',
  })
  crisisResources!: CrisisResourceView[];
}

export class RiskAlertView extends MemberNameView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The session it was raised before; an earlier one while it is still open',
  })
  sessionId!: string;

  @ApiProperty({ enum: ['phq9_item9'] })
  kind!: 'phq9_item9';

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true })
  resolvedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  resolvedById!: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolution!: string | null;
}

export class RiskAlertList {
  @ApiProperty({ type: [RiskAlertView] })
  items!: RiskAlertView[];
}

export class ResolveAlertDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'What was done, for the record' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note!: string;
}

export class TrendPointView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: 'integer', description: "The session's number in the series" })
  sequence!: number;

  @ApiProperty({ description: 'When it was answered' })
  at!: Date;

  @ApiProperty({ type: 'integer' })
  score!: number;

  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  severity!: Severity;

  @ApiProperty({ enum: ['en', 'bn', 'id'], description: 'The language the items were answered in' })
  language!: MeasureLanguage;
}

export class TrendSummaryView {
  @ApiProperty({ type: 'integer', description: 'The first score' })
  baseline!: number;

  @ApiProperty({ type: 'integer' })
  latest!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Change from baseline as a fraction (-0.5: half); null from a baseline of 0',
  })
  change!: number | null;

  @ApiProperty({ description: 'At least 50 % below baseline' })
  response!: boolean;

  @ApiProperty({ description: 'Latest score below 5' })
  remission!: boolean;
}

export class MemberTrendView extends MemberNameView {
  @ApiProperty({ enum: MEASURE_KEYS, enumName: 'MeasureKey' })
  measureKey!: MeasureKey;

  @ApiProperty({ type: [TrendPointView] })
  points!: TrendPointView[];

  @ApiProperty({ type: TrendSummaryView })
  summary!: TrendSummaryView;
}

export class GroupTrendPointView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: 'integer' })
  sequence!: number;

  @ApiProperty({ enum: MEASURE_KEYS, enumName: 'MeasureKey' })
  measureKey!: MeasureKey;

  @ApiProperty({ description: "The mean of the session's scores" })
  mean!: number;

  @ApiProperty({ type: 'integer', description: 'How many answered' })
  count!: number;
}

export class GroupTrendsView {
  @ApiProperty({ type: [MemberTrendView] })
  items!: MemberTrendView[];

  @ApiProperty({ type: [GroupTrendPointView] })
  group!: GroupTrendPointView[];
}
