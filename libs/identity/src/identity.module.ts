import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#config';
import { AuthService } from './auth.service.js';
import { EmailVerificationService } from './email-verification.service.js';
import { KnownClient } from './known-client.entity.js';
import { KnownClientRepository } from './known-client.repository.js';
import { LoginFailure } from './login-failure.entity.js';
import { LoginFailureRepository } from './login-failure.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { EmailVerificationQueue } from './send-email-verification/email-verification.queue.js';
import { PasswordResetQueue } from './send-password-reset/password-reset.queue.js';
import { PasswordService } from './password.service.js';
import { AccountErasureService } from './personal-data/account-erasure.service.js';
import { PersonalDataExportService } from './personal-data/personal-data-export.service.js';
import { PersonalDataHolders } from './personal-data/personal-data-holders.js';
import { ErasedRecordsPurgeQueue } from './purge-erased-records/erased-records-purge.queue.js';
import { RefreshToken } from './refresh-token.entity.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { RevokedSession } from './revoked-session.entity.js';
import { RevokedSessionRepository } from './revoked-session.repository.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, RevokedSession, LoginFailure, KnownClient]),
    // Finds every lib's @HoldsPersonalData() provider for exports and erasure.
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: handed a string, jsonwebtoken first tries to parse it as a
        // public key on every sign and verify (about 1 ms each; see docs/performance.md).
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { algorithm: 'HS256', issuer: 'hearth' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'hearth' },
      }),
    }),
  ],
  providers: [
    AuthService,
    EmailVerificationService,
    PasswordService,
    LoginThrottleService,
    PasswordHasher,
    TokenService,
    UserRepository,
    RefreshTokenRepository,
    RevokedSessionRepository,
    LoginFailureRepository,
    KnownClientRepository,
    EmailVerificationQueue,
    PasswordResetQueue,
    PersonalDataHolders,
    PersonalDataExportService,
    AccountErasureService,
    ErasedRecordsPurgeQueue,
  ],
  exports: [
    AuthService,
    LoginThrottleService,
    EmailVerificationService,
    PasswordService,
    PasswordHasher,
    TokenService,
    UserRepository,
    RefreshTokenRepository,
    PersonalDataHolders,
    PersonalDataExportService,
    AccountErasureService,
    ErasedRecordsPurgeQueue,
  ],
})
export class IdentityModule {}
