import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { Group, type GroupStanding, standingColumns, standingOf } from '#groups';
import { EntityColumns, pageOfEntities, PreparedStatement, type Tx } from '#database';
import type { SessionStatus } from './session-state.js';
import { Session } from './session.entity.js';

export interface SessionForPerson {
  session: Session;
  group: Group;
  standing: GroupStanding;
}

export type NewSession = Omit<
  Session,
  'id' | 'status' | 'cancelReason' | 'revision' | 'chatEnabled' | 'createdAt' | 'updatedAt'
>;

@Injectable()
export class SessionRepository {
  private readonly sessionColumns: EntityColumns<Session>;
  private readonly groupColumns: EntityColumns<Group>;
  private readonly forPerson: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sessionColumns = new EntityColumns(dataSource, Session, 's');
    this.groupColumns = new EntityColumns(dataSource, Group, 'g');
    this.forPerson = new PreparedStatement(
      dataSource,
      () => `SELECT ${this.sessionColumns.select}, ${this.groupColumns.select},
          ${standingColumns('g.id', 'g.organization_id', '$2')}
        FROM sessions s JOIN groups g ON g.id = s.group_id
        WHERE s.id = $1`,
    );
  }

  findById(id: string): Promise<Session | null> {
    return this.dataSource.getRepository(Session).findOneBy({ id });
  }

  /**
   * The session, its group and where the person stands with the group, in one fixed statement:
   * what every access decision about a session starts from.
   */
  async findForPerson(id: string, userId: string): Promise<SessionForPerson | null> {
    const row = await this.forPerson.first([id, userId]);
    if (!row) return null;
    return {
      session: this.sessionColumns.read(row)!,
      group: this.groupColumns.read(row)!,
      standing: standingOf(row),
    };
  }

  listForGroup(groupId: string): Promise<Session[]> {
    return this.dataSource
      .getRepository(Session)
      .find({ where: { groupId }, order: { startsAt: 'ASC', sequence: 'ASC' } });
  }

  /** One page of the group's sessions by start; `sequence` is unique in a group, so it breaks ties. */
  pageForGroup(groupId: string, page: PageRequest): Promise<Page<Session>> {
    const query = this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.group_id = :groupId', { groupId });
    return pageOfEntities(
      query,
      [
        { expression: 's.starts_at', type: 'timestamp' },
        { expression: 's.sequence', type: 'integer' },
      ],
      page,
    );
  }

  /** One page of the coming (not yet ended, not cancelled) sessions of these groups, by start. */
  pageUpcomingForGroups(groupIds: string[], now: Date, page: PageRequest): Promise<Page<Session>> {
    if (!groupIds.length) return Promise.resolve({ items: [] });
    const query = this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.group_id IN (:...groupIds)', { groupIds })
      .andWhere('s.ends_at > :now', { now })
      .andWhere("s.status <> 'cancelled'");
    return pageOfEntities(
      query,
      [
        { expression: 's.starts_at', type: 'timestamp' },
        { expression: 's.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** The group's sessions, locked, in series order: the caller is changing the schedule. */
  lockSeries(groupId: string, tx: Tx): Promise<Session[]> {
    return tx.find(Session, {
      where: { groupId },
      order: { sequence: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertMany(sessions: NewSession[], tx?: Tx): Promise<void> {
    if (sessions.length) await (tx ?? this.dataSource.manager).insert(Session, sessions);
  }

  save(sessions: Session[], tx?: Tx): Promise<Session[]> {
    return (tx ?? this.dataSource.manager).save(Session, sessions);
  }

  /**
   * Moves the session to `to` if it is still in `from`; answers whether it moved. Only
   * SessionLifecycleService calls this, after checking the transition table.
   */
  async setStatus(id: string, from: SessionStatus, to: SessionStatus, tx?: Tx): Promise<boolean> {
    const result = await (tx ?? this.dataSource.manager)
      .getRepository(Session)
      .update({ id, status: from }, { status: to });
    return result.affected === 1;
  }

  listForGroups(groupIds: string[]): Promise<Session[]> {
    if (!groupIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Session)
      .find({ where: { groupId: In(groupIds) }, order: { startsAt: 'ASC' } });
  }
}
