import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-out login (refresh family) whose access tokens must stop working before they expire.
 * Access tokens carry their family id, so the guard needs one primary-key read; a row may be
 * purged once every access token issued before `revokedAt` has expired.
 */
@Entity('revoked_sessions')
export class RevokedSession {
  @PrimaryColumn('uuid', { name: 'family_id', primaryKeyConstraintName: 'revoked_sessions_pkey' })
  familyId!: string;

  @Index('revoked_sessions_revoked_at_idx')
  @Column('timestamptz', { name: 'revoked_at' })
  revokedAt!: Date;
}
