import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CancelSessionDto,
  RescheduleSessionDto,
  SessionAgendaView,
  SessionAgendaService,
  SessionScheduleService,
  SessionView,
} from '#sessions';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly schedule: SessionScheduleService,
    private readonly agendas: SessionAgendaService,
  ) {}

  @ApiAnswer(SessionView)
  @Get(':sessionId')
  get(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.schedule.get(sessionId, user.id);
  }

  /** The curriculum module the session follows, with facilitator notes; facilitators only. */
  @ApiAnswer(SessionAgendaView)
  @Get(':sessionId/agenda')
  agenda(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.agendas.agenda(sessionId, user.id);
  }

  /** Moves this session only. */
  @ApiAnswer(SessionView, 'The session, moved')
  @Patch(':sessionId')
  reschedule(
    @Param('sessionId') sessionId: string,
    @Body() body: RescheduleSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.reschedule(sessionId, user.id, body.startsAt);
  }

  @ApiAnswer(SessionView, 'The session, cancelled')
  @Post(':sessionId/cancel')
  @HttpCode(200)
  cancel(
    @Param('sessionId') sessionId: string,
    @Body() body: CancelSessionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.schedule.cancel(sessionId, user.id, body);
  }
}
