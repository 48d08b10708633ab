import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#config/app-config.js';
import { AuthService } from './auth.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'hearth' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'hearth' },
      }),
    }),
  ],
  providers: [
    AuthService,
    EmailVerificationService,
    PasswordHasher,
    TokenService,
    UserRepository,
    RefreshTokenRepository,
  ],
  exports: [
    AuthService,
    EmailVerificationService,
    PasswordHasher,
    TokenService,
    UserRepository,
    RefreshTokenRepository,
  ],
})
export class IdentityModule {}
