import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { VideoPersonalDataRepository } from './video-personal-data.repository.js';

/** Lobby waits and removals from rooms; both go at erasure. */
@HoldsPersonalData()
@Injectable()
export class VideoPersonalData implements PersonalDataHolder {
  readonly section = 'rooms';

  constructor(private readonly records: VideoPersonalDataRepository) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return {
      lobbyEntries: await this.records.lobbyEntries(userId),
      removals: await this.records.removals(userId),
    };
  }

  async erase({ userId }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.records.erase(userId, tx);
  }
}
