import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  WebinarAttendanceReport,
  WebinarAttendanceQueryDto,
  WebinarAttendanceService,
} from '#attendance';
import { pageRequest } from '#common';
import type { Credentials } from '#webinars';
import { Public } from '../auth/auth.decorators.js';
import { WebinarCredentials } from '../webinars/webinar-credentials.decorator.js';

@ApiTags('webinars')
@Controller('webinars/:webinarId/attendance')
export class WebinarAttendanceController {
  constructor(private readonly attendance: WebinarAttendanceService) {}

  /**
   * Hosts only: counts for the whole webinar and a page of who registered, who came and minutes
   * watched; `?format=csv` answers every registration as text/csv.
   */
  @ApiExtraModels(WebinarAttendanceReport)
  @ApiOkResponse({
    description:
      'Registrations with minutes watched, in the order people registered; with `?format=csv` every registration as a CSV file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(WebinarAttendanceReport) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @Public()
  @Get()
  async report(
    @Param('webinarId') webinarId: string,
    @Query() query: WebinarAttendanceQueryDto,
    @WebinarCredentials() credentials: Credentials,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebinarAttendanceReport | string> {
    if (query.format !== 'csv') {
      return this.attendance.report(webinarId, credentials, pageRequest(query));
    }
    const csv = await this.attendance.csv(webinarId, credentials);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="webinar-attendance.csv"');
    return csv;
  }
}
