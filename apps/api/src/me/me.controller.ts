import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { AuthService } from '#identity/auth.service.js';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProfileService } from '#organizations/profile.service.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/auth.decorators.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.profiles.get(user.id);
  }

  /** Mails a new verification link (202: it goes out through the queue). */
  @Post('email-verification')
  @HttpCode(202)
  async resendVerification(@CurrentUser() user: AuthenticatedUser) {
    await this.auth.resendVerification(user.id);
    return {};
  }
}
