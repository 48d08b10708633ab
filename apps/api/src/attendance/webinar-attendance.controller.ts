import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WebinarAttendanceQueryDto } from '#attendance/override-attendance.dto.js';
import { WebinarAttendanceService } from '#attendance/webinar-attendance.service.js';
import { pageRequest } from '#common/page.js';
import type { Credentials } from '#webinars/webinar-access.service.js';
import { Public } from '../auth/auth.decorators.js';
import { ApiPage, schema } from '../common/api-page.js';
import { WebinarCredentials } from '../webinars/webinar-credentials.decorator.js';

@ApiTags('webinars')
@Controller('webinars/:webinarId/attendance')
export class WebinarAttendanceController {
  constructor(private readonly attendance: WebinarAttendanceService) {}

  /**
   * Hosts only: counts for the whole webinar and a page of who registered, who came and minutes
   * watched; `?format=csv` answers every registration as text/csv.
   */
  @Public()
  @Get()
  @ApiPage(
    'Registrations with minutes watched, in the order people registered',
    {
      registrationId: schema.uuid,
      displayName: schema.str,
      registeredAt: schema.instant,
      attended: { type: 'boolean' },
      minutesWatched: { type: 'number' },
    },
    {
      registered: schema.int,
      attended: schema.int,
      averageMinutesWatched: { type: 'number' },
    },
  )
  async report(
    @Param('webinarId') webinarId: string,
    @Query() query: WebinarAttendanceQueryDto,
    @WebinarCredentials() credentials: Credentials,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
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
