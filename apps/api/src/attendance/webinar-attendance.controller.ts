import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { WebinarAttendanceService } from '#attendance/webinar-attendance.service.js';
import type { Credentials } from '#webinars/webinar-access.service.js';
import { Public } from '../auth/auth.decorators.js';
import { WebinarCredentials } from '../webinars/webinar-credentials.decorator.js';

@ApiTags('webinars')
@Controller('webinars/:webinarId/attendance')
export class WebinarAttendanceController {
  constructor(private readonly attendance: WebinarAttendanceService) {}

  /** Hosts only: who registered, who came, minutes watched; `?format=csv` answers text/csv. */
  @Public()
  @Get()
  async report(
    @Param('webinarId') webinarId: string,
    @Query('format') format: string | undefined,
    @WebinarCredentials() credentials: Credentials,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (format !== 'csv') return this.attendance.report(webinarId, credentials);
    const csv = await this.attendance.csv(webinarId, credentials);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="webinar-attendance.csv"');
    return csv;
  }
}
