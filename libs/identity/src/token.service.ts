import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '#common/domain-error.js';
import { isUuid } from '#common/validation.js';
import { AppConfig } from '#config/app-config.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

interface AccessClaims {
  sub: string;
  typ: 'access';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Short-lived access JWTs (the user id only: a JWT is readable by anyone holding it) and
 * rotating refresh tokens `<id>.<secret>` of which only the secret's hash is stored.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<TokenPair> {
    const { secret, ...refresh } = this.newRefreshSecret();
    const stored = await this.refreshTokens.create({ userId, familyId: randomUUID(), ...refresh });
    return this.pair(userId, stored.id, secret);
  }

  /** The user id of a valid access token; anything else is `invalid_access_token`. */
  async verifyAccessToken(token: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token);
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new Error('not access');
      return claims.sub;
    } catch {
      throw new UnauthenticatedError(
        'invalid_access_token',
        'The access token is invalid or expired',
      );
    }
  }

  /**
   * Exchanges a refresh token for a new pair of the same family. A token presented twice means
   * it leaked: the whole family is revoked, so the thief and the owner both have to log in again.
   */
  async rotate(refreshToken: string): Promise<{ userId: string; pair: TokenPair }> {
    const [id, presented] = refreshToken.split('.');
    if (!isUuid(id) || !presented) throw this.invalidRefreshToken();
    const presentedHash = sha256(presented);
    const { secret, ...successor } = this.newRefreshSecret();
    const result = await this.refreshTokens.exchange(
      id,
      (secretHash) => timingSafeEqual(Buffer.from(secretHash, 'hex'), presentedHash),
      successor,
      new Date(),
    );
    switch (result.outcome) {
      case 'rotated':
        return {
          userId: result.userId,
          pair: await this.pair(result.userId, result.successor.id, secret),
        };
      case 'expired':
        throw new UnauthenticatedError('refresh_token_expired', 'The refresh token has expired');
      case 'reused':
        throw new UnauthenticatedError(
          'refresh_token_reused',
          'This refresh token was already used; every session of this login has been signed out',
        );
      case 'missing':
        throw this.invalidRefreshToken();
    }
  }

  private newRefreshSecret() {
    const secret = randomBytes(32).toString('base64url');
    return {
      secret,
      secretHash: sha256(secret).toString('hex'),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    };
  }

  private async pair(userId: string, refreshTokenId: string, secret: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: userId, typ: 'access' };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      }),
      refreshToken: `${refreshTokenId}.${secret}`,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  private invalidRefreshToken(): UnauthenticatedError {
    return new UnauthenticatedError('invalid_refresh_token', 'The refresh token is invalid');
  }
}
