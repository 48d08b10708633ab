import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { PageQueryDto, pageRequest } from '#common/page.js';
import { UpdateProfileDto } from '#identity/dto/update-profile.dto.js';
import { InAppNotificationsService } from '#reminders/in-app-notifications.service.js';
import { AuthService } from '#identity/auth.service.js';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MyInvitationsService } from '#organizations/my-invitations.service.js';
import { ProfileService } from '#organizations/profile.service.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';
import { ApiPage, schema } from '../common/api-page.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
    private readonly inApp: InAppNotificationsService,
    private readonly invitations: MyInvitationsService,
  ) {}

  @Get()
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.profiles.get(user.id);
  }

  @Patch()
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto) {
    return this.profiles.update(user.id, body);
  }

  @Get('notifications')
  @ApiPage(
    'Notifications, the newest first',
    {
      id: schema.uuid,
      kind: schema.str,
      title: schema.str,
      body: schema.str,
      sessionId: { ...schema.uuid, nullable: true },
      createdAt: schema.instant,
      read: { type: 'boolean' },
    },
    { unreadCount: { ...schema.int, description: 'Unread notifications in all pages' } },
  )
  notifications(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.inApp.list(user.id, pageRequest(query));
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('notificationId') id: string) {
    return this.inApp.markRead(user.id, id);
  }

  /** Open invitations to the caller's confirmed address, the soonest to expire first. */
  @Get('invitations')
  @ApiPage('Open invitations, the soonest to expire first', {
    id: schema.uuid,
    organizationId: schema.uuid,
    organizationName: schema.str,
    role: schema.str,
    expiresAt: schema.instant,
  })
  myInvitations(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto) {
    return this.invitations.list(user.id, pageRequest(query));
  }

  /** Joining an organization takes the person's own yes. */
  @Post('invitations/:invitationId/accept')
  @HttpCode(200)
  acceptInvitation(@CurrentUser() user: AuthenticatedUser, @Param('invitationId') id: string) {
    return this.invitations.accept(user.id, id);
  }

  @Post('invitations/:invitationId/decline')
  @HttpCode(200)
  declineInvitation(@CurrentUser() user: AuthenticatedUser, @Param('invitationId') id: string) {
    return this.invitations.decline(user.id, id);
  }

  /** Mails a new verification link (202: it goes out through the queue). */
  @Post('email-verification')
  @HttpCode(202)
  async resendVerification(@CurrentUser() user: AuthenticatedUser) {
    await this.auth.resendVerification(user.id);
    return {};
  }
}
