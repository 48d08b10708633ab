import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, Transactions, type Tx } from '#database';
import { InvitationView, OpenInvitationView } from './dto/organization.view.js';
import { Invitation } from './invitation.entity.js';
import type { OrganizationRole } from './organization-role.js';

/** How long after a mail the same invitation may be mailed again (every renewal mails it). */
const INVITATION_RESEND_AFTER_MS = 10 * 60_000;

const pendingFor = (organizationId: string, email: string) => ({
  organizationId,
  email,
  acceptedAt: IsNull(),
  declinedAt: IsNull(),
});

@Injectable()
export class InvitationRepository {
  constructor(
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly transactions: Transactions,
  ) {}

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
    return this.transactions.run(async (tx) => {
      const pending = await tx.findOne(Invitation, {
        where: pendingFor(input.organizationId, input.email),
        lock: { mode: 'pessimistic_write' },
      });
      if (!pending) {
        // A concurrent request may insert the same pending invitation first: then use theirs.
        await tx.createQueryBuilder().insert().into(Invitation).values(input).orIgnore().execute();
        return tx.findOneOrFail(Invitation, {
          where: pendingFor(input.organizationId, input.email),
        });
      }
      // Re-inviting within minutes of the last mail mails nothing, so no inbox can be flooded;
      // a changed role still applies (acceptance reads the row, not the mail).
      const renewedAt = input.expiresAt.getTime() - INVITATION_RESEND_AFTER_MS;
      if (pending.expiresAt.getTime() > renewedAt) {
        if (pending.role === input.role) return pending;
        Object.assign(pending, { role: input.role, invitedById: input.invitedById });
        return tx.save(pending);
      }
      Object.assign(pending, {
        role: input.role,
        invitedById: input.invitedById,
        expiresAt: input.expiresAt,
        version: pending.version + 1,
      });
      return tx.save(pending);
    });
  }

  lockForAcceptance(tx: Tx, id: string): Promise<Invitation | null> {
    return tx.findOne(Invitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async markAccepted(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.update(Invitation, { id }, { acceptedAt: at });
  }

  async markDeclined(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.update(Invitation, { id }, { declinedAt: at });
  }

  /** Open invitations to this (normalized) address, soonest to expire first. */
  listOpenForEmail(email: string, now: Date, page: PageRequest): Promise<Page<OpenInvitationView>> {
    const query = this.invitations
      .createQueryBuilder('i')
      .innerJoin('organizations', 'o', 'o.id = i.organization_id')
      .select([
        'i.id AS "id"',
        'i.organization_id AS "organizationId"',
        'o.name AS "organizationName"',
        'i.role AS "role"',
        'i.expires_at AS "expiresAt"',
      ])
      .where('i.email = :email', { email })
      .andWhere('i.accepted_at IS NULL AND i.declined_at IS NULL AND i.expires_at > :now', { now });
    return pageOfRaw<OpenInvitationView>(
      query,
      [
        { expression: 'i.expires_at', type: 'timestamp' },
        { expression: 'i.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** The organization's open invitations, soonest to expire first. */
  listOpenForOrganization(
    organizationId: string,
    now: Date,
    page: PageRequest,
  ): Promise<Page<InvitationView>> {
    const query = this.invitations
      .createQueryBuilder('i')
      .select([
        'i.id AS "id"',
        'i.email AS "email"',
        'i.role AS "role"',
        'i.expires_at AS "expiresAt"',
      ])
      .where('i.organization_id = :organizationId', { organizationId })
      .andWhere('i.accepted_at IS NULL AND i.declined_at IS NULL AND i.expires_at > :now', { now });
    return pageOfRaw<InvitationView>(
      query,
      [
        { expression: 'i.expires_at', type: 'timestamp' },
        { expression: 'i.id', type: 'uuid' },
      ],
      page,
    );
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
