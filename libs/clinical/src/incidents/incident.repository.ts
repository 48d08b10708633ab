import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { Incident } from './incident.entity.js';

/** An incident with the aliases of the person it is about and of who recorded it. */
export interface IncidentRow extends Incident {
  subjectDisplayName: string | null;
  subjectLegalName: string | null;
  reportedByDisplayName: string;
}

/** Incidents are only ever added and read: there is no update or delete here, and the database refuses both
 * (but the retention purge's delete). */
@Injectable()
export class IncidentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(incident: Omit<Incident, 'id'>, tx: Tx): Promise<Incident> {
    const repository = tx.getRepository(Incident);
    return repository.save(repository.create(incident));
  }

  /** Whether `id` is an incident of the session (what a correction may reference). */
  async existsInSession(id: string, sessionId: string): Promise<boolean> {
    return this.dataSource.getRepository(Incident).existsBy({ id, sessionId });
  }

  /** The session's incidents, oldest first. */
  forSession(sessionId: string): Promise<IncidentRow[]> {
    return this.dataSource.query(
      `SELECT i.id, i.session_id AS "sessionId", i.subject_user_id AS "subjectUserId", i.kind,
         i.description, i.actions_taken AS "actionsTaken", i.corrects_id AS "correctsId",
         i.reported_by_id AS "reportedById", i.created_at AS "createdAt",
         su.display_name AS "subjectDisplayName", su.legal_name AS "subjectLegalName",
         ru.display_name AS "reportedByDisplayName"
       FROM incidents i
       LEFT JOIN users su ON su.id = i.subject_user_id
       LEFT JOIN users ru ON ru.id = i.reported_by_id
       WHERE i.session_id = $1 ORDER BY i.created_at, i.id`,
      [sessionId],
    );
  }
}
