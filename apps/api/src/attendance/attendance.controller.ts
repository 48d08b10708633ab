import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AttendanceReportService } from '#attendance/attendance-report.service.js';
import { OverrideAttendanceDto } from '#attendance/override-attendance.dto.js';
import { PageQueryDto, pageRequest } from '#common/page.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiPage, schema } from '../common/api-page.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller()
export class AttendanceController {
  constructor(private readonly reports: AttendanceReportService) {}

  @Get('sessions/:sessionId/attendance')
  @ApiPage('Members and facilitators by display name, with their attendance', {
    userId: schema.uuid,
    displayName: schema.str,
    role: { type: 'string', enum: ['participant', 'facilitator'] },
    status: { type: 'string', enum: ['present', 'partial', 'absent', 'excused'] },
    computedStatus: { type: 'string', enum: ['present', 'partial', 'absent'] },
    minutesPresent: { type: 'number' },
    firstJoinedAt: { ...schema.instant, nullable: true },
    lastLeftAt: { ...schema.instant, nullable: true },
    intervals: {
      type: 'array',
      items: {
        type: 'object',
        properties: { joinedAt: schema.instant, leftAt: { ...schema.instant, nullable: true } },
      },
    },
    override: { type: 'object', nullable: true },
  })
  session(
    @Param('sessionId') sessionId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reports.sessionReport(sessionId, user.id, pageRequest(query));
  }

  /** A facilitator's override (`excused`, or `present` with a reason), kept beside the computed status. */
  @Put('sessions/:sessionId/attendance/:userId')
  override(
    @Param('sessionId') sessionId: string,
    @Param('userId') userId: string,
    @Body() body: OverrideAttendanceDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reports.override(sessionId, userId, user.id, body);
  }

  /** Members x sessions with rates; `?format=csv` answers text/csv. */
  @Get('groups/:groupId/attendance')
  async group(
    @Param('groupId') groupId: string,
    @Query('format') format: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (format !== 'csv') return this.reports.groupMatrix(groupId, user.id);
    const csv = await this.reports.groupCsv(groupId, user.id);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="attendance.csv"');
    return csv;
  }
}
