import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { PageQueryDto, pageRequest } from '#common';
import {
  AccountErased,
  AccountErasureService,
  AuthService,
  EraseAccountDto,
  PersonalDataExport,
  PersonalDataExportService,
  UpdateProfileDto,
} from '#identity';
import { InAppNotificationsService, NotificationPage, NotificationRead } from '#reminders';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  InvitationAccepted,
  InvitationDeclined,
  OpenInvitationPage,
  Profile,
  MyInvitationsService,
  ProfileService,
} from '#organizations';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { EmptyAnswer } from '../common/empty-answer.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-limits.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
    private readonly inApp: InAppNotificationsService,
    private readonly invitations: MyInvitationsService,
    private readonly exports: PersonalDataExportService,
    private readonly erasure: AccountErasureService,
  ) {}

  @ApiAnswer(Profile)
  @Get()
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.profiles.get(user.id);
  }

  @ApiAnswer(Profile)
  @Patch()
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto) {
    return this.profiles.update(user.id, body);
  }

  /** Everything Hearth holds about the caller (docs/privacy.md); clinical parts are audited. */
  @ApiAnswer(PersonalDataExport, 'Everything Hearth holds about the caller, as JSON')
  @Get('export')
  export(@CurrentUser() user: AuthenticatedUser): Promise<PersonalDataExport> {
    return this.exports.export(user.id);
  }

  /**
   * Erases the account as docs/privacy.md says: signed out everywhere, e-mail and password gone at
   * once, clinical records kept for the organization's retention period. 409 `sole_owner` or
   * `leads_groups` when it would orphan an organization or a group that still meets.
   */
  @ApiAnswer(AccountErased, 'Erased; every login of the account is signed out')
  @Delete()
  @HttpCode(202)
  @BodyLimit(BODY_LIMITS.auth)
  @RouteConfig({ rateLimit: {} })
  erase(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: EraseAccountDto,
    @Ip() client: string,
  ): Promise<AccountErased> {
    return this.erasure.erase(user.id, body.password, client);
  }

  @ApiAnswer(NotificationPage, 'Notifications, the newest first')
  @Get('notifications')
  notifications(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.inApp.list(user.id, pageRequest(query));
  }

  @ApiAnswer(NotificationRead)
  @Post('notifications/:notificationId/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('notificationId') id: string) {
    return this.inApp.markRead(user.id, id);
  }

  /** Open invitations to the caller's confirmed address, the soonest to expire first. */
  @ApiAnswer(OpenInvitationPage, 'Open invitations, the soonest to expire first')
  @Get('invitations')
  myInvitations(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.invitations.list(user.id, pageRequest(query));
  }

  /** Joining an organization takes the person's own yes. */
  @ApiAnswer(InvitationAccepted, 'The membership it made')
  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  acceptInvitation(@CurrentUser() user: AuthenticatedUser, @Param('invitationId') id: string) {
    return this.invitations.accept(user.id, id);
  }

  @ApiAnswer(InvitationDeclined)
  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  declineInvitation(@CurrentUser() user: AuthenticatedUser, @Param('invitationId') id: string) {
    return this.invitations.decline(user.id, id);
  }

  /** Mails a new verification link (202: it goes out through the queue). */
  @ApiAnswer(EmptyAnswer)
  @Post('email-verification')
  @HttpCode(202)
  async resendVerification(@CurrentUser() user: AuthenticatedUser): Promise<EmptyAnswer> {
    await this.auth.resendVerification(user.id);
    return {};
  }
}
