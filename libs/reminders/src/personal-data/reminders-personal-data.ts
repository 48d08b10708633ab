import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { RemindersPersonalDataRepository } from './reminders-personal-data.repository.js';

/** Notifications whose words are about the person who got them (their own sessions). */
const ABOUT_RECIPIENT = ['reminder', 'session_moved', 'session_cancelled'];

/** In-app notifications and what was sent; both go at erasure. */
@HoldsPersonalData()
@Injectable()
export class RemindersPersonalData implements PersonalDataHolder {
  readonly section = 'notifications';

  constructor(private readonly records: RemindersPersonalDataRepository) {}

  async collect({ userId }: PersonalDataSubject): Promise<object> {
    return {
      inApp: await this.records.notifications(userId, ABOUT_RECIPIENT),
      deliveries: await this.records.deliveries(userId),
    };
  }

  async erase({ userId }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.records.erase(userId, tx);
  }
}
