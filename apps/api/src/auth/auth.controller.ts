import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthService,
  AuthResult,
  EmailVerified,
  ChangePasswordDto,
  ConfirmPasswordResetDto,
  RequestPasswordResetDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  VerifyEmailDto,
  EmailVerificationService,
  PasswordService,
  TokenService,
} from '#identity';
import { ApiAnswer } from '../common/api-answer.js';
import { EmptyAnswer } from '../common/empty-answer.js';
import { BODY_LIMITS, BodyLimit } from '../common/request-limits.js';
import { type AuthenticatedUser, CurrentUser, Public } from './auth.decorators.js';

/** Per client address, at AUTH_RATE_LIMIT_PER_MINUTE (the rate-limit plugin's defaults, see api-app.ts). */
const rateLimited = RouteConfig({ rateLimit: {} });

@ApiTags('auth')
@BodyLimit(BODY_LIMITS.auth)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly verification: EmailVerificationService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {}

  @ApiAnswer(AuthResult, 'The account, signed in')
  @Public()
  @Post('register')
  @rateLimited
  register(@Body() body: RegisterDto): Promise<AuthResult> {
    return this.auth.register(body);
  }

  @ApiAnswer(AuthResult)
  @Public()
  @Post('login')
  @HttpCode(200)
  @rateLimited
  login(@Body() body: LoginDto, @Ip() client: string): Promise<AuthResult> {
    // The client address (honouring TRUST_PROXY): its owner is not held back by others' guesses.
    return this.auth.login(body, client);
  }

  @ApiAnswer(EmailVerified)
  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @rateLimited
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<EmailVerified> {
    await this.verification.verify(body.token);
    return { emailVerified: true };
  }

  // Not limited per address: a refresh token (256 random bits) cannot be guessed, and every page
  // load of every person behind a clinic's shared address refreshes once.
  @ApiAnswer(AuthResult, 'A new token pair; the one sent no longer works')
  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<AuthResult> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Signs out the caller's login, and the login of this refresh token, which must be theirs. */
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Signed out' })
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() body: RefreshDto): Promise<void> {
    await this.tokens.signOut(body.refreshToken, { userId: user.id, sessionId: user.sessionId });
  }

  /** Every other login of the caller is signed out; this one stays. */
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Changed; the other logins are signed out' })
  @Post('password')
  @HttpCode(204)
  @rateLimited
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Ip() client: string,
  ): Promise<void> {
    await this.passwords.change(
      { userId: user.id, sessionId: user.sessionId },
      body.currentPassword,
      body.newPassword,
      client,
    );
  }

  /** 202 whether or not an account has the address: the link goes out by e-mail. */
  @ApiAnswer(EmptyAnswer, 'Always, whether or not an account has the address')
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @rateLimited
  async requestPasswordReset(@Body() body: RequestPasswordResetDto): Promise<EmptyAnswer> {
    await this.passwords.requestReset(body.email);
    return {};
  }

  @ApiNoContentResponse({ description: 'Changed; every login of the account is signed out' })
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @rateLimited
  async confirmPasswordReset(
    @Body() body: ConfirmPasswordResetDto,
    @Ip() client: string,
  ): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword, client);
  }
}
