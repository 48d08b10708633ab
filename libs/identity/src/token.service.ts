import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock, ForbiddenError, UnauthenticatedError, isUuid } from '#common';
import { AppConfig } from '#config';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { RevokedSessionRepository } from './revoked-session.repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Who an access token speaks for, and which login (refresh family) it belongs to. */
export interface AccessIdentity {
  userId: string;
  sessionId: string;
}

interface AccessClaims {
  sub: string;
  /** The refresh family: signing out denies the access tokens that carry it. */
  sid: string;
  typ: 'access';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Revocations are kept this much past the access token lifetime, for clock skew. */
const REVOCATION_MARGIN_MS = 60_000;

/**
 * Short-lived access JWTs (the user and login ids only: a JWT is readable by anyone holding it)
 * and rotating refresh tokens `<id>.<secret>` of which only the secret's hash is stored.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly revokedSessions: RevokedSessionRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string): Promise<TokenPair> {
    const { secret, ...refresh } = this.newRefreshSecret();
    const stored = await this.refreshTokens.create({ userId, familyId: randomUUID(), ...refresh });
    return this.pair(userId, stored.familyId, stored.id, secret);
  }

  /**
   * The identity of a valid access token of a login that was not signed out; anything else is
   * `invalid_access_token`. Costs one primary-key read (the revocation list).
   */
  async verifyAccessToken(token: string): Promise<AccessIdentity> {
    let claims: AccessClaims | undefined;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw this.invalidAccessToken();
    }
    // Validly signed is not enough: ids reach uuid columns, so a malformed one must not.
    if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) {
      throw this.invalidAccessToken();
    }
    if (await this.revokedSessions.isRevoked(claims.sid)) throw this.invalidAccessToken();
    return { userId: claims.sub, sessionId: claims.sid };
  }

  /**
   * Exchanges a refresh token for a new pair of the same family. A token presented twice means
   * it leaked: the whole family is revoked, so the thief and the owner both have to log in again.
   */
  async rotate(refreshToken: string): Promise<{ userId: string; pair: TokenPair }> {
    const parsed = this.parse(refreshToken);
    if (!parsed) throw this.invalidRefreshToken();
    const { secret, ...successor } = this.newRefreshSecret();
    const result = await this.refreshTokens.exchange(
      parsed.id,
      (secretHash) => this.matches(secretHash, parsed.presentedHash),
      successor,
      this.clock.now(),
    );
    switch (result.outcome) {
      case 'rotated':
        return {
          userId: result.userId,
          pair: await this.pair(
            result.userId,
            result.successor.familyId,
            result.successor.id,
            secret,
          ),
        };
      case 'expired':
        throw new UnauthenticatedError('refresh_token_expired', 'The refresh token has expired');
      case 'reused':
        throw new UnauthenticatedError(
          'refresh_token_reused',
          'This refresh token was already used; every session of this login has been signed out',
        );
      case 'signed_out':
        throw new UnauthenticatedError(
          'refresh_token_revoked',
          'This login was signed out; sign in again',
        );
      case 'missing':
        throw this.invalidRefreshToken();
    }
  }

  /**
   * Signs out the caller's own login (the one its access token belongs to), always, and the login
   * `refreshToken` belongs to: their refresh and access tokens stop working. An unknown token is
   * already signed out; another user's token is refused (after the caller's login was signed out).
   */
  async signOut(refreshToken: string, caller: AccessIdentity): Promise<void> {
    const now = this.clock.now();
    await this.refreshTokens.revokeFamily(caller.sessionId, now);
    // Also when its refresh tokens are gone already (expired): its access token must stop too.
    await this.revokedSessions.deny(caller.sessionId, now);
    const parsed = this.parse(refreshToken);
    const stored = parsed && (await this.refreshTokens.findById(parsed.id));
    if (stored && this.matches(stored.secretHash, parsed.presentedHash)) {
      if (stored.userId !== caller.userId) {
        throw new ForbiddenError(
          'refresh_token_not_yours',
          'This refresh token belongs to another account',
        );
      }
      if (stored.familyId !== caller.sessionId) {
        await this.refreshTokens.revokeFamily(stored.familyId, now);
      }
    }
    await this.forgetExpiredRevocations();
  }

  /** Drops revocations whose denied access tokens have all expired, keeping the list short. */
  async forgetExpiredRevocations(): Promise<void> {
    const ttlMs = this.config.ACCESS_TOKEN_TTL_SECONDS * 1000 + REVOCATION_MARGIN_MS;
    await this.revokedSessions.purgeRevokedBefore(new Date(this.clock.millis() - ttlMs));
  }

  private parse(refreshToken: string): { id: string; presentedHash: Buffer } | null {
    const [id, presented] = refreshToken.split('.');
    return isUuid(id) && presented ? { id, presentedHash: sha256(presented) } : null;
  }

  private matches(secretHash: string, presentedHash: Buffer): boolean {
    return timingSafeEqual(Buffer.from(secretHash, 'hex'), presentedHash);
  }

  private newRefreshSecret() {
    const secret = randomBytes(32).toString('base64url');
    return {
      secret,
      secretHash: sha256(secret).toString('hex'),
      expiresAt: new Date(this.clock.millis() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    };
  }

  private async pair(
    userId: string,
    familyId: string,
    refreshTokenId: string,
    secret: string,
  ): Promise<TokenPair> {
    const claims: AccessClaims = { sub: userId, sid: familyId, typ: 'access' };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      }),
      refreshToken: `${refreshTokenId}.${secret}`,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  private invalidAccessToken(): UnauthenticatedError {
    return new UnauthenticatedError(
      'invalid_access_token',
      'The access token is invalid or expired',
    );
  }

  private invalidRefreshToken(): UnauthenticatedError {
    return new UnauthenticatedError('invalid_refresh_token', 'The refresh token is invalid');
  }
}
