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

  async collect({ userId, email }: PersonalDataSubject): Promise<object> {
    return {
      registrations: await this.records.registrations(email),
      questions: await this.records.questions(email),
      hosting: await this.records.hosted(userId),
      speaking: await this.records.spoken(email),
    };
  }

  async erase({ userId, email }: PersonalDataSubject, _at: Date, tx: Tx): Promise<void> {
    await this.records.erase(userId, email, tx);
  }
}
