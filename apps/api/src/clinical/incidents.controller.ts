import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IncidentList, IncidentsService, IncidentView, RecordIncidentDto } from '#clinical';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

/** A session's incident record: facilitators add and read it; nothing in it is ever edited. */
@ApiTags('clinical')
@ApiBearerAuth()
@Controller('sessions/:sessionId/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @ApiAnswer(IncidentView, 'Recorded (a correction is a new incident naming the one it corrects)')
  @Post()
  record(
    @Param('sessionId') sessionId: string,
    @Body() body: RecordIncidentDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.incidents.record(sessionId, user.id, body);
  }

  @ApiAnswer(IncidentList, "The session's incidents, the oldest first; facilitators")
  @Get()
  list(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.incidents.list(sessionId, user.id);
  }
}
