import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '#common/domain-error.js';
import { PageQueryDto, pageRequest } from '#common/page.js';
import { CalendarFeedService } from '#sessions/calendar-feed.service.js';
import { SessionScheduleService } from '#sessions/session-schedule.service.js';
import { type AuthenticatedUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiPage, schema } from '../common/api-page.js';
import { SESSION_ITEM } from '../sessions/session-item.schema.js';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly schedule: SessionScheduleService,
  ) {}

  /** The caller's secret calendar address; keep it private, like a password. */
  @ApiBearerAuth()
  @Get('me/calendar-feed')
  feedUrl(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.urlFor(user.id);
  }

  /** The caller's coming sessions, across their groups. */
  @ApiBearerAuth()
  @Get('me/sessions')
  @ApiPage('Coming sessions by start', { ...SESSION_ITEM, groupName: schema.str })
  upcoming(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.schedule.upcomingFor(user.id, pageRequest(query));
  }

  @Public()
  @Get('calendar/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  feed(@Param('file') file: string) {
    if (!file.endsWith('.ics')) throw new NotFoundError('calendar_not_found', 'No such calendar');
    return this.feeds.render(file.slice(0, -'.ics'.length));
  }
}
