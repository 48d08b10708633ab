import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, pageRequest } from '#common';
import type { Membership } from '#organizations';
import { FACILITATOR_ROLES } from '#organizations';
import type { Credentials } from '#webinars';
import {
  AddHostDto,
  AddSpeakerDto,
  AskQuestionDto,
  CreateWebinarDto,
  ListQuestionsDto,
  RegisterForWebinarDto,
  HostRemoved,
  PromotionView,
  QuestionAsked,
  QuestionPage,
  QuestionStatusView,
  RegistrationCreated,
  RegistrationPage,
  SpeakerList,
  SpeakerView,
  VoteResult,
  WebinarCreated,
  WebinarHostList,
  WebinarHostView,
  WebinarJoinGrant,
  WebinarPublicView,
  WebinarSummaryPage,
  QuestionsService,
  WebinarHostsService,
  WebinarsService,
} from '#webinars';
import { type AuthenticatedUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import {
  CurrentMembership,
  OrganizationRoles,
} from '../organizations/organization-access.guard.js';
import { WebinarCredentials } from './webinar-credentials.decorator.js';

@ApiTags('webinars')
@ApiHeader({ name: 'X-Access-Key', required: false, description: "An attendee's or speaker's key" })
@Controller()
export class WebinarsController {
  constructor(
    private readonly webinars: WebinarsService,
    private readonly questions: QuestionsService,
    private readonly hosts: WebinarHostsService,
  ) {}

  @ApiAnswer(WebinarCreated, 'Created; the caller is its first host')
  @Post('organizations/:orgId/webinars')
  @OrganizationRoles(...FACILITATOR_ROLES)
  create(@CurrentMembership() membership: Membership, @Body() body: CreateWebinarDto) {
    return this.webinars.create(membership.organizationId, membership.userId, body);
  }

  /** Staff see their organization's webinars; GET /webinars/:webinarId has the details. */
  @ApiAnswer(WebinarSummaryPage, 'Webinars, the latest start first')
  @Get('organizations/:orgId/webinars')
  @OrganizationRoles(...FACILITATOR_ROLES)
  listForOrganization(@CurrentMembership() membership: Membership, @Query() query: PageQueryDto) {
    return this.webinars.listForOrganization(membership.organizationId, pageRequest(query));
  }

  @ApiAnswer(WebinarPublicView, 'Public details (no attendee data)')
  @Public()
  @Get('webinars/:webinarId')
  get(@Param('webinarId') webinarId: string) {
    return this.webinars.publicView(webinarId);
  }

  @ApiAnswer(SpeakerView, 'The speaker gets a personal link by e-mail')
  @Public()
  @Post('webinars/:webinarId/speakers')
  addSpeaker(
    @Param('webinarId') webinarId: string,
    @WebinarCredentials() credentials: Credentials,
    @Body() body: AddSpeakerDto,
  ) {
    return this.webinars.addSpeaker(webinarId, credentials, body);
  }

  /** Hosts only: the guest speakers invited, in that order. */
  @ApiAnswer(SpeakerList)
  @Public()
  @Get('webinars/:webinarId/speakers')
  listSpeakers(
    @Param('webinarId') webinarId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.webinars.speakers(webinarId, credentials);
  }

  /** Hosts only: who hosts this webinar. */
  @ApiAnswer(WebinarHostList)
  @Public()
  @Get('webinars/:webinarId/hosts')
  listHosts(@Param('webinarId') webinarId: string, @WebinarCredentials() credentials: Credentials) {
    return this.hosts.list(webinarId, credentials);
  }

  /** Owners and admins name a staff member as a host. */
  @ApiAnswer(WebinarHostView)
  @ApiBearerAuth()
  @Post('webinars/:webinarId/hosts')
  addHost(
    @Param('webinarId') webinarId: string,
    @Body() body: AddHostDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.hosts.add(webinarId, user.id, body.userId);
  }

  @ApiAnswer(HostRemoved)
  @ApiBearerAuth()
  @Delete('webinars/:webinarId/hosts/:userId')
  removeHost(
    @Param('webinarId') webinarId: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.hosts.remove(webinarId, user.id, userId);
  }

  @ApiAnswer(RegistrationCreated, 'Registered; the access key is also e-mailed')
  @Public()
  @Post('webinars/:webinarId/registrations')
  @RouteConfig({ rateLimit: {} })
  register(@Param('webinarId') webinarId: string, @Body() body: RegisterForWebinarDto) {
    return this.webinars.register(webinarId, body);
  }

  /** Hosts only: who registered. */
  @ApiAnswer(RegistrationPage, 'Registrations in the order they came')
  @Public()
  @Get('webinars/:webinarId/registrations')
  registrations(
    @Param('webinarId') webinarId: string,
    @Query() query: PageQueryDto,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.webinars.registrations(webinarId, credentials, pageRequest(query));
  }

  @ApiAnswer(WebinarJoinGrant)
  @Public()
  @Post('webinars/:webinarId/join')
  @HttpCode(200)
  join(@Param('webinarId') webinarId: string, @WebinarCredentials() credentials: Credentials) {
    return this.webinars.join(webinarId, credentials);
  }

  @ApiAnswer(QuestionAsked)
  @Public()
  @Post('webinars/:webinarId/questions')
  ask(
    @Param('webinarId') webinarId: string,
    @WebinarCredentials() credentials: Credentials,
    @Body() body: AskQuestionDto,
  ) {
    return this.questions.ask(webinarId, credentials, body);
  }

  /**
   * Most voted first. Votes move questions between pages: re-read from the first page. Hosts read
   * `?status=held` apart, so the moderation queue never sinks below the popular questions.
   */
  @ApiAnswer(QuestionPage, 'Questions, the most voted first, then the oldest')
  @Public()
  @Get('webinars/:webinarId/questions')
  list(
    @Param('webinarId') webinarId: string,
    @Query() query: ListQuestionsDto,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.questions.list(webinarId, credentials, pageRequest(query), query.status);
  }

  @ApiAnswer(VoteResult, 'Counted once per registration')
  @Public()
  @Post('webinars/:webinarId/questions/:questionId/upvote')
  @HttpCode(200)
  upvote(
    @Param('webinarId') webinarId: string,
    @Param('questionId') questionId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.questions.upvote(webinarId, questionId, credentials);
  }

  @ApiAnswer(QuestionStatusView)
  @Public()
  @Post('webinars/:webinarId/questions/:questionId/approve')
  @HttpCode(200)
  approve(
    @Param('webinarId') webinarId: string,
    @Param('questionId') questionId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.questions.setStatus(webinarId, questionId, credentials, 'visible');
  }

  @ApiAnswer(QuestionStatusView)
  @Public()
  @Post('webinars/:webinarId/questions/:questionId/answer')
  @HttpCode(200)
  answer(
    @Param('webinarId') webinarId: string,
    @Param('questionId') questionId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.questions.setStatus(webinarId, questionId, credentials, 'answered');
  }

  @ApiAnswer(QuestionStatusView)
  @Public()
  @Post('webinars/:webinarId/questions/:questionId/dismiss')
  @HttpCode(200)
  dismiss(
    @Param('webinarId') webinarId: string,
    @Param('questionId') questionId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.questions.setStatus(webinarId, questionId, credentials, 'dismissed');
  }

  @ApiAnswer(PromotionView)
  @Public()
  @Post('webinars/:webinarId/attendees/:registrationId/promote')
  @HttpCode(200)
  promote(
    @Param('webinarId') webinarId: string,
    @Param('registrationId') registrationId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.webinars.setPromoted(webinarId, registrationId, credentials, true);
  }

  @ApiAnswer(PromotionView)
  @Public()
  @Post('webinars/:webinarId/attendees/:registrationId/demote')
  @HttpCode(200)
  demote(
    @Param('webinarId') webinarId: string,
    @Param('registrationId') registrationId: string,
    @WebinarCredentials() credentials: Credentials,
  ) {
    return this.webinars.setPromoted(webinarId, registrationId, credentials, false);
  }
}
