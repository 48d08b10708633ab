import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MemberNameView } from '../member-name.view.js';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** How long one note or addendum may be. */
export const NOTE_MAX_LENGTH = 20_000;

export class NoteContentDto {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  content!: string;
}

export class AddendumDto {
  @ApiProperty({ minLength: 1, maxLength: NOTE_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX_LENGTH)
  content!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The member whose note it adds to; none for the group note',
  })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class AddendumView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  content!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty()
  createdAt!: Date;
}

export class GroupNoteView {
  @ApiProperty({ description: 'The draft, or the template with attendance from the record' })
  content!: string;

  @ApiProperty({ type: Date, nullable: true })
  signedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  signedById!: string | null;

  @ApiProperty({ type: [AddendumView] })
  addenda!: AddendumView[];
}

export class MemberNoteView extends MemberNameView {
  @ApiProperty()
  content!: string;

  @ApiProperty({ type: Date, nullable: true })
  signedAt!: Date | null;

  @ApiProperty({ type: [AddendumView] })
  addenda!: AddendumView[];
}

/** A session's notes as its facilitators read them. */
export class SessionNotesView {
  @ApiProperty({ type: GroupNoteView })
  group!: GroupNoteView;

  @ApiProperty({ type: [MemberNoteView] })
  members!: MemberNoteView[];
}

export class AddendumCreated extends AddendumView {}
