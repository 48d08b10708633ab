import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { CommunityPersonalDataRepository } from './community-personal-data.repository.js';

/**
 * The group space: the person's own posts and replies, reports they made, read markers, mutes
 * and their digest choice. Erasure removes their posts' text (threads keep a "removed" place)
 * and deletes the rest at once; the moderation log keeps bare ids, which name a former member.
 */
@HoldsPersonalData()
@Injectable()
export class CommunityPersonalData implements PersonalDataHolder {
  readonly section = 'community';

  constructor(private readonly records: CommunityPersonalDataRepository) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return {
      posts: await this.records.posts(userId),
      reports: await this.records.reports(userId),
      readMarkers: await this.records.readMarkers(userId),
      mutes: await this.records.mutes(userId),
      digest: await this.records.digest(userId),
    };
  }

  async erase({ userId }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.records.erase(userId, tx);
  }
}
