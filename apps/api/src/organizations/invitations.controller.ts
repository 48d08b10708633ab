import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationDto, InvitationSession, InvitationsService } from '#organizations';
import { Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-limits.js';

@ApiTags('organizations')
@BodyLimit(BODY_LIMITS.auth)
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Accepts the invitation from the e-mailed link; answers a signed-in session. */
  @ApiAnswer(InvitationSession, 'A member now, and signed in')
  @Public()
  @Post('accept')
  @HttpCode(200)
  @RouteConfig({ rateLimit: {} })
  accept(@Body() body: AcceptInvitationDto, @Ip() client: string) {
    return this.invitations.accept(body, client);
  }
}
