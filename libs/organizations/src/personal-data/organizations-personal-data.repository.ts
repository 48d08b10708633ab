import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';

/** What #organizations holds about a person, for their export and erasure. */
@Injectable()
export class OrganizationsPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  memberships(userId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT o.id AS "organizationId", o.name AS "organizationName", m.role,
         m.created_at AS "joinedAt"
       FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = $1 ORDER BY m.created_at, m.id`,
      [userId],
    );
  }

  /** Invitations sent to the address (who sent them is the sender's to know). */
  invitationsTo(email: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT o.name AS "organizationName", i.role, i.created_at AS "sentAt",
         i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.declined_at AS "declinedAt"
       FROM invitations i JOIN organizations o ON o.id = i.organization_id
       WHERE i.email = $1 ORDER BY i.created_at, i.id`,
      [email],
    );
  }

  /**
   * The organizations the person alone owns. Their rows are locked first, so two owners erasing
   * at once are served in turn and the second sees the first gone.
   */
  async solelyOwned(userId: string, tx: Tx): Promise<{ name: string }[]> {
    await tx.query(
      `SELECT o.id FROM organizations o
       WHERE o.id IN (SELECT organization_id FROM memberships WHERE user_id = $1 AND role = 'owner')
       ORDER BY o.id FOR UPDATE`,
      [userId],
    );
    return tx.query(
      `SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = $1 AND m.role = 'owner' AND NOT EXISTS (
         SELECT 1 FROM memberships other WHERE other.organization_id = m.organization_id
           AND other.role = 'owner' AND other.user_id <> $1)
       ORDER BY o.name`,
      [userId],
    );
  }

  /**
   * Memberships end; invitations to the address go (accepted ones keep it too), when the address
   * is the person's own (`null`: never verified, so the invitations may be someone else's).
   */
  async erase(userId: string, email: string | null, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM memberships WHERE user_id = $1', [userId]);
    if (email !== null) await tx.query('DELETE FROM invitations WHERE email = $1', [email]);
  }
}
