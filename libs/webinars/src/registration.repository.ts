import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { claimOnce, EntityColumns, pageOfEntities, PreparedStatement, type Tx } from '#database';
import { Registration, Webinar, WebinarReminderDelivery } from './webinar.entity.js';

/** Someone in a webinar's audience, and the reminders sent to them. */
@Injectable()
export class RegistrationRepository {
  private readonly webinarColumns: EntityColumns<Webinar>;
  private readonly columns: EntityColumns<Registration>;
  private readonly withWebinar: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.webinarColumns = new EntityColumns(dataSource, Webinar, 'w');
    this.columns = new EntityColumns(dataSource, Registration, 'r');
    this.withWebinar = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.webinarColumns.select}, ${this.columns.select}
        FROM webinars w LEFT JOIN webinar_registrations r ON r.id = $2 AND r.webinar_id = w.id
        WHERE w.id = $1`,
    );
  }

  private manager(tx?: Tx) {
    return tx ?? this.dataSource.manager;
  }

  findById(id: string): Promise<Registration | null> {
    return this.dataSource.getRepository(Registration).findOneBy({ id });
  }

  /**
   * The webinar and, if it belongs to it, the registration, in one fixed statement (an access
   * key's check on every join and question); null when there is no such webinar.
   */
  async findWithWebinar(
    webinarId: string,
    id: string,
  ): Promise<{ webinar: Webinar; registration: Registration | null } | null> {
    const row = await this.withWebinar.first([webinarId, id]);
    return row
      ? { webinar: this.webinarColumns.read(row)!, registration: this.columns.read(row) }
      : null;
  }

  /** The registration, if it belongs to this webinar. */
  findIn(webinarId: string, id: string): Promise<Registration | null> {
    return this.dataSource.getRepository(Registration).findOneBy({ id, webinarId });
  }

  findByEmail(webinarId: string, email: string, tx?: Tx): Promise<Registration | null> {
    return this.manager(tx).findOneBy(Registration, { webinarId, email });
  }

  count(webinarId: string, tx?: Tx): Promise<number> {
    return this.manager(tx).countBy(Registration, { webinarId });
  }

  create(
    registration: Pick<Registration, 'webinarId' | 'email' | 'displayName' | 'confirmationSentAt'>,
    tx?: Tx,
  ): Promise<Registration> {
    const manager = this.manager(tx);
    return manager.save(manager.create(Registration, registration));
  }

  async markConfirmationSent(id: string, at: Date, tx?: Tx): Promise<void> {
    await this.manager(tx).update(Registration, { id }, { confirmationSentAt: at });
  }

  async setPromoted(id: string, promoted: boolean): Promise<void> {
    await this.dataSource.getRepository(Registration).update({ id }, { promoted });
  }

  /** One page of a webinar's registrations in the order they came. */
  pageForWebinar(webinarId: string, page: PageRequest): Promise<Page<Registration>> {
    const query = this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.webinar_id = :webinarId', { webinarId });
    return pageOfEntities(
      query,
      [
        { expression: 'r.created_at', type: 'timestamp' },
        { expression: 'r.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** How many people registered for each of these webinars, by id (absent: none). */
  async countsFor(webinarIds: string[]): Promise<Map<string, number>> {
    if (!webinarIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .select('r.webinar_id', 'webinarId')
      .addSelect('count(*)::int', 'count')
      .where('r.webinar_id IN (:...webinarIds)', { webinarIds })
      .groupBy('r.webinar_id')
      .getRawMany<{ webinarId: string; count: number }>();
    return new Map(rows.map((row) => [row.webinarId, row.count]));
  }

  /** The display names of these registrations, by id. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Registration)
      .find({ where: { id: In(ids) }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  /** Claims a reminder before it is sent; false when it was sent already (see claimOnce). */
  claimReminder(registrationId: string, offsetMinutes: number): Promise<boolean> {
    return claimOnce(this.dataSource.getRepository(WebinarReminderDelivery), {
      registrationId,
      offsetMinutes,
    });
  }

  async markReminderSent(registrationId: string, offsetMinutes: number): Promise<void> {
    await this.dataSource
      .getRepository(WebinarReminderDelivery)
      .update({ registrationId, offsetMinutes }, { status: 'sent' });
  }
}
