import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditPage, AuditQueryDto, ClinicalAudit, toAuditEntryView } from '#audit';
import { mapPage, pageRequest } from '#common';
import { MANAGER_ROLES, type Membership } from '#organizations';
import { CurrentMembership, OrganizationRoles } from './organization-access.guard.js';

@ApiTags('clinical')
@ApiBearerAuth()
@Controller('organizations')
export class AuditController {
  constructor(private readonly audit: ClinicalAudit) {}

  /** Every read and write of clinical data in the organization, oldest first; owners and admins. */
  @ApiExtraModels(AuditPage)
  @ApiOkResponse({
    description: 'The audit log; with `?format=csv` the same page as a CSV file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AuditPage) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @Get(':orgId/audit')
  @OrganizationRoles(...MANAGER_ROLES)
  async list(
    @CurrentMembership() membership: Membership,
    @Query() query: AuditQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPage | string> {
    const filter = { subjectUserId: query.subjectUserId };
    if (query.format !== 'csv') {
      return mapPage(
        await this.audit.list(membership.organizationId, filter, pageRequest(query)),
        toAuditEntryView,
      );
    }
    const csv = await this.audit.csv(membership.organizationId, filter, pageRequest(query));
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit.csv"');
    return csv;
  }
}
