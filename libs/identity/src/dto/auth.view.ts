import { ApiProperty } from '@nestjs/swagger';
import type { TokenPair } from '../token.service.js';

/** An account as its owner (and the staff of their organizations) see it. */
export class PublicUser {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'sam@example.org' })
  email!: string;

  @ApiProperty({ description: 'The alias other members see', example: 'Sam' })
  displayName!: string;
}

/** A signed-in session: who, and the token pair. */
export class AuthResult implements TokenPair {
  @ApiProperty({ type: PublicUser })
  user!: PublicUser;

  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @ApiProperty({ description: 'Trade it at POST /auth/refresh for a new pair; used once' })
  refreshToken!: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' })
  expiresIn!: number;
}

export class EmailVerified {
  @ApiProperty()
  emailVerified!: boolean;
}
