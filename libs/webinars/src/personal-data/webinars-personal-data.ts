import { Injectable } from '@nestjs/common';
import type { Tx } from '#database';
import { HoldsPersonalData, type PersonalDataHolder, type PersonalDataSubject } from '#identity';
import { WebinarsPersonalDataRepository } from './webinars-personal-data.repository.js';

/** Registrations, questions, speaking and hosting; all go at erasure. */
@HoldsPersonalData()
@Injectable()
export class WebinarsPersonalData implements PersonalDataHolder {
  readonly section = 'webinars';

  constructor(private readonly records: WebinarsPersonalDataRepository) {}

  /** Registrations and speaker places are kept by address: an unverified one may be another's. */
  async collect({ userId, email, emailVerified }: PersonalDataSubject): Promise<object> {
    return {
      registrations: emailVerified ? await this.records.registrations(email) : [],
      questions: emailVerified ? await this.records.questions(email) : [],
      hosting: await this.records.hosted(userId),
      speaking: emailVerified ? await this.records.spoken(email) : [],
    };
  }

  async erase({ userId, email, emailVerified }: PersonalDataSubject, _at: Date, tx: Tx) {
    await this.records.erase(userId, emailVerified ? email : null, tx);
  }
}
