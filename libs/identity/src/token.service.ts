import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '#common/domain-error.js';
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

  async issue(userId: string, familyId: string = randomUUID()): Promise<TokenPair> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const stored = await this.refreshTokens.create({
      userId,
      familyId,
      secretHash: sha256(secret).toString('hex'),
      expiresAt,
    });
    const claims: AccessClaims = { sub: userId, typ: 'access' };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      }),
      refreshToken: `${stored.id}.${secret}`,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
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
    const invalid = new UnauthenticatedError(
      'invalid_refresh_token',
      'The refresh token is invalid',
    );
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    const stored = await this.refreshTokens.findById(id);
    if (!stored) throw invalid;
    const expected = Buffer.from(stored.secretHash, 'hex');
    if (!timingSafeEqual(expected, sha256(secret))) throw invalid;

    const now = new Date();
    if (stored.usedAt || stored.revokedAt || !(await this.refreshTokens.markUsed(stored.id, now))) {
      if (stored.expiresAt <= now && !stored.usedAt && !stored.revokedAt) {
        throw new UnauthenticatedError('refresh_token_expired', 'The refresh token has expired');
      }
      await this.refreshTokens.revokeFamily(stored.familyId, now);
      throw new UnauthenticatedError(
        'refresh_token_reused',
        'This refresh token was already used; every session of this login has been signed out',
      );
    }
    return { userId: stored.userId, pair: await this.issue(stored.userId, stored.familyId) };
  }
}
