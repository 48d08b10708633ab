import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags } from '@nestjs/swagger';
import { AuthResult, AuthService } from '#identity/auth.service.js';
import { LoginDto, RefreshDto, RegisterDto, VerifyEmailDto } from '#identity/dto/register.dto.js';
import { EmailVerificationService } from '#identity/email-verification.service.js';
import { Public } from './auth.decorators.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-limits.js';

/** Per client address, at AUTH_RATE_LIMIT_PER_MINUTE (the rate-limit plugin's defaults, see api-app.ts). */
const rateLimited = RouteConfig({ rateLimit: {} });

@ApiTags('auth')
@Public()
@BodyLimit(BODY_LIMITS.auth)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly verification: EmailVerificationService,
  ) {}

  @Post('register')
  @rateLimited
  register(@Body() body: RegisterDto): Promise<AuthResult> {
    return this.auth.register(body);
  }

  @Post('login')
  @HttpCode(200)
  @rateLimited
  login(@Body() body: LoginDto): Promise<AuthResult> {
    return this.auth.login(body);
  }

  @Post('verify-email')
  @HttpCode(200)
  async verifyEmail(@Body() body: VerifyEmailDto) {
    await this.verification.verify(body.token);
    return { emailVerified: true };
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<AuthResult> {
    return this.auth.refresh(body.refreshToken);
  }
}
