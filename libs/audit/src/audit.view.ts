import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsOmittable, PageOf, PageQueryDto } from '#common';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from './audit-entry.entity.js';

/** One line of the audit log as owners and admins read it. */
export class AuditEntryView {
  @ApiProperty()
  at!: Date;

  @ApiProperty({ format: 'uuid', description: 'Who read or wrote' })
  actorId!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action!: AuditAction;

  @ApiProperty({ example: 'group_attendance' })
  resourceType!: string;

  @ApiProperty({ type: String, nullable: true })
  resourceId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Whom it is about' })
  subjectUserId!: string | null;
}

export class AuditPage extends PageOf(AuditEntryView) {}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries about this person' })
  @IsOmittable()
  @IsUUID()
  subjectUserId?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: '`csv` answers the page as a CSV file',
  })
  @IsOmittable()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export const toAuditEntryView = (entry: AuditEntry): AuditEntryView => ({
  at: entry.at,
  actorId: entry.actorId,
  action: entry.action,
  resourceType: entry.resourceType,
  resourceId: entry.resourceId,
  subjectUserId: entry.subjectUserId,
});
