import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  GroupMeasureSettingsDto,
  GroupMeasureSettingsView,
  GroupTrendsView,
  MeasureAnswersDto,
  MeasureList,
  MeasureRequestList,
  MeasureResult,
  MeasuresService,
  ResolveAlertDto,
  RiskAlertList,
  RiskAlertsService,
} from '#clinical';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { preferredLocale } from '../common/preferred-locale.js';

/** PHQ-9 and GAD-7 before sessions, and the alerts a risky answer opens. */
@ApiTags('clinical')
@ApiBearerAuth()
@Controller()
export class MeasuresController {
  constructor(
    private readonly measures: MeasuresService,
    private readonly alerts: RiskAlertsService,
  ) {}

  @ApiAnswer(MeasureList, 'The instruments, items and answers in the language asked for')
  @Get('measures')
  instruments(@Headers('accept-language') acceptLanguage: string | undefined) {
    return this.measures.instruments(preferredLocale(acceptLanguage));
  }

  @ApiAnswer(GroupMeasureSettingsView, "The group's measures and how often; facilitators")
  @Get('groups/:groupId/measure-settings')
  settings(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.measures.settings(groupId, user.id);
  }

  @ApiAnswer(GroupMeasureSettingsView, 'Saved; facilitators')
  @Patch('groups/:groupId')
  updateSettings(
    @Param('groupId') groupId: string,
    @Body() body: GroupMeasureSettingsDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.measures.updateSettings(groupId, user.id, body);
  }

  @ApiAnswer(GroupTrendsView, 'Scores over sessions per member and for the group; facilitators')
  @Get('groups/:groupId/measures')
  trends(@Param('groupId') groupId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.measures.trends(groupId, user.id);
  }

  @ApiAnswer(MeasureRequestList, 'Open, answered and lately expired requests, the soonest first')
  @Get('me/measure-requests')
  mine(@CurrentUser() user: AuthenticatedUser) {
    return this.measures.mine(user.id);
  }

  @ApiAnswer(MeasureResult, 'Scored; crisis resources for your language when you need them')
  @Post('measure-requests/:requestId/responses')
  respond(
    @Param('requestId') requestId: string,
    @Body() body: MeasureAnswersDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.measures.respond(user.id, requestId, body.answers, preferredLocale(acceptLanguage));
  }

  @ApiAnswer(RiskAlertList, "The session's risk alerts, open and resolved; facilitators")
  @Get('sessions/:sessionId/alerts')
  sessionAlerts(@Param('sessionId') sessionId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.alerts.forSession(sessionId, user.id);
  }

  @ApiAnswer(RiskAlertList, "Resolved: the session's alerts; 409 alert_resolved if it was")
  @Post('alerts/:alertId/resolve')
  @HttpCode(200)
  resolve(
    @Param('alertId') alertId: string,
    @Body() body: ResolveAlertDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.alerts.resolve(alertId, user.id, body.note);
  }
}
