import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Invitation } from './invitation.entity.js';
import type { OrganizationRole } from './organization-role.js';

@Injectable()
export class InvitationRepository {
  constructor(@InjectRepository(Invitation) private readonly invitations: Repository<Invitation>) {}

  findById(id: string): Promise<Invitation | null> {
    return this.invitations.findOneBy({ id });
  }

  /**
   * Creates the pending invitation for this e-mail, or renews the one already pending (new role,
   * new expiry, next version, so the newest link is the only one that works).
   */
  upsertPending(input: {
    organizationId: string;
    email: string;
    role: OrganizationRole;
    invitedById: string;
    expiresAt: Date;
  }): Promise<Invitation> {
    return this.invitations.manager.transaction(async (manager) => {
      const pending = await manager.findOne(Invitation, {
        where: { organizationId: input.organizationId, email: input.email, acceptedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pending) {
        // A concurrent request may insert the same pending invitation first: then use theirs.
        await manager
          .createQueryBuilder()
          .insert()
          .into(Invitation)
          .values(input)
          .orIgnore()
          .execute();
        return manager.findOneOrFail(Invitation, {
          where: { organizationId: input.organizationId, email: input.email, acceptedAt: IsNull() },
        });
      }
      Object.assign(pending, {
        role: input.role,
        invitedById: input.invitedById,
        expiresAt: input.expiresAt,
        version: pending.version + 1,
      });
      return manager.save(pending);
    });
  }

  lockForAcceptance(manager: EntityManager, id: string): Promise<Invitation | null> {
    return manager.findOne(Invitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markAccepted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(Invitation, { id }, { acceptedAt: at });
  }

  /** Records that `version` was mailed, unless a newer version was mailed already. */
  async markSent(id: string, version: number): Promise<void> {
    await this.invitations
      .createQueryBuilder()
      .update()
      .set({ sentVersion: version })
      .where('id = :id AND sent_version < :version', { id, version })
      .execute();
  }
}
