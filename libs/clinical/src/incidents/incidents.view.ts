import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { INCIDENT_KINDS, INCIDENT_TEXT_MAX_LENGTH, type IncidentKind } from './incident.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RecordIncidentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The member it is about, if anyone' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind!: IncidentKind;

  @ApiProperty({
    minLength: 1,
    maxLength: INCIDENT_TEXT_MAX_LENGTH,
    description: 'Trimmed; at least one character is left',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(INCIDENT_TEXT_MAX_LENGTH)
  description!: string;

  @ApiProperty({ maxLength: INCIDENT_TEXT_MAX_LENGTH, description: 'Trimmed; may be empty' })
  @Transform(trim)
  @IsString()
  @MaxLength(INCIDENT_TEXT_MAX_LENGTH)
  actionsTaken!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An incident of the same session that this one corrects (incidents never change)',
  })
  @IsOptional()
  @IsUUID()
  correctsId?: string;
}

export class IncidentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The member's alias" })
  displayName!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The member's legal name, if given: for facilitators and admins only",
  })
  legalName!: string | null;

  @ApiProperty({ enum: INCIDENT_KINDS })
  kind!: IncidentKind;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  actionsTaken!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  correctsId!: string | null;

  @ApiProperty({ format: 'uuid' })
  reportedById!: string;

  @ApiProperty({ description: "The reporter's alias" })
  reportedByName!: string;

  @ApiProperty()
  createdAt!: Date;
}

export class IncidentList {
  @ApiProperty({ type: [IncidentView], description: 'The oldest first' })
  items!: IncidentView[];
}
