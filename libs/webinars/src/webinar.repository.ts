import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities, type Tx } from '#database';
import { Webinar, WebinarHost, WebinarSpeaker } from './webinar.entity.js';
import type { WebinarHostView } from './webinar.view.js';

export type NewWebinar = Omit<Webinar, 'id' | 'createdAt'>;

/** A webinar with its named hosts and its guest speakers. */
@Injectable()
export class WebinarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx ?? this.dataSource.manager;
  }

  findById(id: string): Promise<Webinar | null> {
    return this.dataSource.getRepository(Webinar).findOneBy({ id });
  }

  /** Locks the webinar row until `tx` ends: registrations count seats under this lock. */
  async lock(id: string, tx: Tx): Promise<void> {
    await tx.findOne(Webinar, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(webinar: NewWebinar, tx?: Tx): Promise<Webinar> {
    return this.manager(tx).getRepository(Webinar).save(webinar);
  }

  /** One page of an organization's webinars, the latest start first. */
  pageForOrganization(organizationId: string, page: PageRequest): Promise<Page<Webinar>> {
    const query = this.dataSource
      .getRepository(Webinar)
      .createQueryBuilder('w')
      .where('w.organization_id = :organizationId', { organizationId });
    return pageOfEntities(
      query,
      [
        { expression: 'w.starts_at', type: 'timestamp', order: 'DESC' },
        { expression: 'w.id', type: 'uuid', order: 'DESC' },
      ],
      page,
    );
  }

  // Speakers

  /** A webinar's guest speakers in the order they were invited. */
  speakers(webinarId: string): Promise<WebinarSpeaker[]> {
    return this.dataSource
      .getRepository(WebinarSpeaker)
      .find({ where: { webinarId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findSpeaker(id: string): Promise<WebinarSpeaker | null> {
    return this.dataSource.getRepository(WebinarSpeaker).findOneBy({ id });
  }

  findSpeakerIn(webinarId: string, by: { id: string } | { email: string }) {
    return this.dataSource.getRepository(WebinarSpeaker).findOneBy({ webinarId, ...by });
  }

  /** Invites a speaker; inviting the same address again keeps the first invitation's row. */
  async addSpeaker(webinarId: string, email: string, displayName: string): Promise<WebinarSpeaker> {
    const speakers = this.dataSource.getRepository(WebinarSpeaker);
    await speakers
      .createQueryBuilder()
      .insert()
      .values({ webinarId, email, displayName })
      .orIgnore()
      .execute();
    return speakers.findOneByOrFail({ webinarId, email });
  }

  // Hosts

  isHost(webinarId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(WebinarHost).existsBy({ webinarId, userId });
  }

  /** Names a host; naming one twice changes nothing. */
  async addHost(webinarId: string, userId: string, tx?: Tx): Promise<void> {
    await this.manager(tx)
      .createQueryBuilder()
      .insert()
      .into(WebinarHost)
      .values({ webinarId, userId })
      .orIgnore()
      .execute();
  }

  /** Answers false when the user was not a host of the webinar. */
  async removeHost(webinarId: string, userId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebinarHost).delete({ webinarId, userId });
    return result.affected === 1;
  }

  hosts(webinarId: string): Promise<WebinarHostView[]> {
    return this.dataSource
      .getRepository(WebinarHost)
      .createQueryBuilder('h')
      .innerJoin('users', 'u', 'u.id = h.user_id')
      .select(['h.user_id AS "userId"', 'u.display_name AS "displayName"'])
      .where('h.webinar_id = :webinarId', { webinarId })
      .orderBy('h.created_at', 'ASC')
      .getRawMany<WebinarHostView>();
  }
}
