import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { JoinRequestRepository } from '../join-request.repository.js';

/**
 * Requests to join groups: the person's note, screening answers and the answers they got.
 * Exported whole; erased at once (a seat the request led to is the groups lib's to erase).
 */
@HoldsPersonalData()
@Injectable()
export class DirectoryPersonalData implements PersonalDataHolder {
  readonly section = 'joinRequests';

  constructor(private readonly requests: JoinRequestRepository) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return { requests: await this.requests.forExport(userId) };
  }

  async erase({ userId }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.requests.deleteForUser(userId, tx);
  }
}
