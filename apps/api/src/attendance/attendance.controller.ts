import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AttendanceReportService,
  AttendanceItem,
  AttendancePage,
  GroupAttendanceMatrix,
  OverrideAttendanceDto,
} from '#attendance';
import { PageQueryDto, pageRequest } from '#common';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller()
export class AttendanceController {
  constructor(private readonly reports: AttendanceReportService) {}

  @ApiAnswer(AttendancePage, 'Members and facilitators by display name, with their attendance')
  @Get('sessions/:sessionId/attendance')
  session(
    @Param('sessionId') sessionId: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.reports.sessionReport(sessionId, user.id, pageRequest(query));
  }

  /** A facilitator's override (`excused`, or `present` with a reason), kept beside the computed status. */
  @ApiAnswer(AttendanceItem, "The person's attendance with the override")
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
  @ApiExtraModels(GroupAttendanceMatrix)
  @ApiOkResponse({
    description: 'The matrix; with `?format=csv` the same as a CSV file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(GroupAttendanceMatrix) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @Get('groups/:groupId/attendance')
  async group(
    @Param('groupId') groupId: string,
    @Query('format') format: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupAttendanceMatrix | string> {
    if (format !== 'csv') return this.reports.groupMatrix(groupId, user.id);
    const csv = await this.reports.groupCsv(groupId, user.id);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="attendance.csv"');
    return csv;
  }
}
