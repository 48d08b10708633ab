import { DiscoveryService } from '@nestjs/core';
import type { Tx } from '#database';

/** Whose data: the account, with the address it had (some records are kept by address). */
export interface PersonalDataSubject {
  userId: string;
  email: string;
  /**
   * Whether the person proved they own `email`. Anyone may register with any address, so a
   * holder that keeps records by address collects and erases nothing while this is false.
   */
  emailVerified: boolean;
}

/** Work to do once the erasure has committed (queue a job, tell the libs above). */
export type AfterErasure = () => Promise<void>;

/**
 * What one lib holds about a person, and what becomes of it (docs/privacy.md). Each lib that
 * stores something about people provides one, marked `@HoldsPersonalData()`; `GET /me/export`
 * gathers every `collect`, `DELETE /me` runs every `refuseErasure` then every `erase` in one
 * transaction, and a daily job runs every `purgeExpired`.
 */
export interface PersonalDataHolder {
  /** The key of its part of the export (`groups`, `clinical`); unique among holders. */
  readonly section: string;

  /**
   * Everything the lib holds about the person, as plain JSON, and nobody else's data: no other
   * person's name, address, answers or ids. Reads of clinical data record an `export` audit row.
   */
  collect(subject: PersonalDataSubject): Promise<object>;

  /** Throws a domain error (a 409) when erasing now would orphan what others rely on. */
  refuseErasure?(subject: PersonalDataSubject, tx: Tx): Promise<void>;

  /**
   * Deletes at once what goes at once and anonymizes what others keep, in the erasure's
   * transaction; clinical records stay for the organization's retention period.
   */
  erase?(subject: PersonalDataSubject, at: Date, tx: Tx): Promise<AfterErasure | void>;

  /** Deletes the records kept about erased people whose organization's retention ended by `now`. */
  purgeExpired?(now: Date): Promise<void>;
}

/** Marks a provider as a {@link PersonalDataHolder}; it is found wherever its module is loaded. */
export const HoldsPersonalData = DiscoveryService.createDecorator<void>();
