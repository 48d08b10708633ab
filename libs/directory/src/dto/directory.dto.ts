import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '#common';
import { SCREENINGS, type Screening } from '../group-listing.entity.js';
import { DECLINE_MESSAGE_MAX_LENGTH, JOIN_NOTE_MAX_LENGTH } from '../join-request.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateListingDto {
  @ApiProperty({ description: 'Whether people may find the group and ask to join it' })
  @IsBoolean()
  openToRequests!: boolean;

  @ApiPropertyOptional({
    enum: SCREENINGS,
    nullable: true,
    description: 'A short screening offered with a request (PHQ-2 or GAD-2), or none',
  })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsIn(SCREENINGS)
  screening?: Screening | null;
}

export class ScreeningAnswersDto {
  @ApiProperty({ enum: SCREENINGS })
  @IsIn(SCREENINGS)
  instrument!: Screening;

  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 2,
    description: 'The two answers, each 0 (not at all) to 3 (nearly every day)',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(3, { each: true })
  answers!: number[];
}

export class CreateJoinRequestDto {
  @ApiPropertyOptional({
    maxLength: JOIN_NOTE_MAX_LENGTH,
    description: "A short note for the group's facilitators only",
  })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(JOIN_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ type: ScreeningAnswersDto, description: 'When the listing asks for one' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ScreeningAnswersDto)
  screening?: ScreeningAnswersDto;

  @ApiProperty({
    enum: [true],
    description: "Consent to the organization's group agreement, recorded with the request",
  })
  @Equals(true, { message: 'agreement must be true: consent to the group agreement' })
  agreement!: true;
}

export class DeclineJoinRequestDto {
  @ApiPropertyOptional({
    maxLength: DECLINE_MESSAGE_MAX_LENGTH,
    description: 'A kind message to the person; a default in their language when omitted',
  })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(DECLINE_MESSAGE_MAX_LENGTH)
  message?: string;
}
