import { Injectable } from '@nestjs/common';
import { ConflictError } from '#common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { OrganizationsPersonalDataRepository } from './organizations-personal-data.repository.js';

/** Memberships and invitations; erasing ends every membership, unless it would orphan one. */
@HoldsPersonalData()
@Injectable()
export class OrganizationsPersonalData implements PersonalDataHolder {
  readonly section = 'organizations';

  constructor(private readonly records: OrganizationsPersonalDataRepository) {}

  /** Invitations are kept by address: an unverified one may be someone else's (as in MyInvitations). */
  async collect({ userId, email, emailVerified }: PersonalDataSubject): Promise<object> {
    return {
      memberships: await this.records.memberships(userId),
      invitations: emailVerified ? await this.records.invitationsTo(email) : [],
    };
  }

  async refuseErasure({ userId }: PersonalDataSubject, tx: Tx): Promise<void> {
    const owned = await this.records.solelyOwned(userId, tx);
    if (owned.length) {
      throw new ConflictError(
        'sole_owner',
        `You are the only owner of ${owned.map((o) => o.name).join(', ')}: invite another ` +
          'owner and let them accept before you erase your account',
      );
    }
  }

  async erase({ userId, email, emailVerified }: PersonalDataSubject, _at: Date, tx: Tx) {
    await this.records.erase(userId, emailVerified ? email : null, tx);
  }
}
