import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFoundError, PageQueryDto, pageRequest } from '#common';
import {
  CalendarFeedService,
  SessionScheduleService,
  CalendarFeedLink,
  UpcomingSessionPage,
} from '#sessions';
import { type AuthenticatedUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly schedule: SessionScheduleService,
  ) {}

  /** The caller's secret calendar address; keep it private, like a password. */
  @ApiAnswer(CalendarFeedLink)
  @ApiBearerAuth()
  @Get('me/calendar-feed')
  feedUrl(@CurrentUser() user: AuthenticatedUser) {
    return this.feeds.urlFor(user.id);
  }

  /** The caller's coming sessions, across their groups. */
  @ApiAnswer(UpcomingSessionPage, 'Coming sessions by start')
  @ApiBearerAuth()
  @Get('me/sessions')
  upcoming(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.schedule.upcomingFor(user.id, pageRequest(query));
  }

  @ApiOkResponse({
    description: "The person's sessions as an ICS calendar; cancelled ones `STATUS:CANCELLED`",
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @Public()
  @Get('calendar/:file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw new NotFoundError('calendar_not_found', 'No such calendar');
    return this.feeds.render(file.slice(0, -'.ics'.length));
  }
}
