import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class EraseAccountDto {
  @ApiProperty({ description: 'The current password: erasing cannot be undone' })
  @IsString()
  @MaxLength(256)
  password!: string;
}

/** Everything Hearth holds about the caller (docs/privacy.md says what each part is). */
export class PersonalDataExport {
  @ApiProperty({ example: 'hearth-personal-data/1' })
  format!: string;

  @ApiProperty()
  exportedAt!: Date;

  @ApiProperty({ description: 'What this document is, for the person reading it' })
  about!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'One part per kind of record: account, organizations, groups, rooms, attendance, ' +
      'notifications, webinars, clinical (measures, alerts, homework, notes about the person), audit',
  })
  sections!: Record<string, object>;
}

export class AccountErased {
  @ApiProperty({
    description:
      'Signed out everywhere, e-mail and password gone; clinical records follow after the ' +
      "organization's retention period",
  })
  erasedAt!: Date;
}
