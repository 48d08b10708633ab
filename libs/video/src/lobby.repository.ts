import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, PreparedStatement, type Tx } from '#database';
import { consentColumns, consentOf, type GroupConsentState } from '#groups';
import { LobbyEntry, type LobbyStatus } from './lobby-entry.entity.js';
import { SessionRemoval } from './session-removal.entity.js';
import type { LobbyEntryView } from './video.view.js';

/** What a join decides from beyond the person's standing with the group. */
export interface JoinFacts extends GroupConsentState {
  removed: boolean;
  displayName: string;
}

@Injectable()
export class LobbyRepository {
  private readonly joinFactsStatement: PreparedStatement<Record<string, unknown>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.joinFactsStatement = new PreparedStatement(
      dataSource,
      () => `SELECT
          EXISTS (SELECT 1 FROM session_removals WHERE session_id = $1 AND user_id = $4) AS removed,
          ${consentColumns('$2', '$3', '$4')},
          u.display_name
        FROM users u WHERE u.id = $4`,
    );
  }

  /**
   * In one statement: whether a facilitator removed the person from the session, the
   * organization's current group agreement and the person's consent to it, and their alias.
   */
  async joinFacts(
    session: { id: string; groupId: string },
    organizationId: string,
    userId: string,
  ): Promise<JoinFacts> {
    const row = (await this.joinFactsStatement.first([
      session.id,
      session.groupId,
      organizationId,
      userId,
    ]))!;
    return {
      removed: row.removed as boolean,
      ...consentOf(row),
      displayName: row.display_name as string,
    };
  }

  /** The person's entry for the session, created as waiting if there is none. */
  async enter(sessionId: string, userId: string): Promise<LobbyEntry> {
    const entries = this.dataSource.getRepository(LobbyEntry);
    await entries
      .createQueryBuilder()
      .insert()
      .values({ sessionId, userId, status: 'waiting' })
      .orIgnore()
      .execute();
    return entries.findOneByOrFail({ sessionId, userId });
  }

  findEntry(sessionId: string, entryId: string): Promise<LobbyEntry | null> {
    return this.dataSource.getRepository(LobbyEntry).findOneBy({ id: entryId, sessionId });
  }

  async decide(entryId: string, status: LobbyStatus, by: string, at: Date, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager).update(
      LobbyEntry,
      { id: entryId },
      { status, decidedAt: at, decidedById: by },
    );
  }

  /** The entry, locked until `tx` ends: a decision about it waits for another one to finish. */
  lockEntry(entryId: string, tx: Tx): Promise<LobbyEntry | null> {
    return tx.findOne(LobbyEntry, { where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Who waits to be let in, the longest waiting first. */
  waiting(sessionId: string, page: PageRequest): Promise<Page<LobbyEntryView>> {
    const query = this.dataSource
      .getRepository(LobbyEntry)
      .createQueryBuilder('l')
      .innerJoin('users', 'u', 'u.id = l.user_id')
      .select([
        'l.id AS "id"',
        'l.user_id AS "userId"',
        'u.display_name AS "displayName"',
        'l.waiting_since AS "waitingSince"',
      ])
      .where('l.session_id = :sessionId AND l.status = :status', { sessionId, status: 'waiting' });
    return pageOfRaw(
      query,
      [
        { expression: 'l.waiting_since', type: 'timestamp' },
        { expression: 'l.id', type: 'uuid' },
      ],
      page,
    );
  }

  /** Bars the person from the session (once); their lobby entry, if any, is denied with it. */
  async bar(sessionId: string, userId: string, by: string, at: Date, tx: Tx): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(SessionRemoval)
      .values({ sessionId, userId, removedById: by })
      .orIgnore()
      .execute();
    await tx.update(
      LobbyEntry,
      { sessionId, userId },
      { status: 'denied', decidedAt: at, decidedById: by },
    );
  }

  isRemoved(sessionId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(SessionRemoval).existsBy({ sessionId, userId });
  }
}
