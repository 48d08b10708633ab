import { Injectable } from '@nestjs/common';
import { Clock, type Page, type PageRequest, toCsv } from '#common';
import type { Tx } from '#database';
import type { AuditAction, AuditEntry } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';

/** What was read or written, and about whom; the actor and the time are added here. */
export interface AuditEvent {
  organizationId: string;
  actorId: string;
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  /** One entry per person the record is about; none when it is about nobody in particular. */
  subjectUserIds?: string[];
}

/**
 * The audit of clinical data. Every service that reads or writes notes, measures, alerts,
 * attendance, rosters or exports records it here, in the same transaction as a write, and
 * before answering a read.
 */
@Injectable()
export class ClinicalAudit {
  constructor(
    private readonly entries: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(event: AuditEvent, tx?: Tx): Promise<void> {
    const at = this.clock.now();
    const subjects = event.subjectUserIds?.length ? event.subjectUserIds : [null];
    await this.entries.append(
      subjects.map((subjectUserId) => ({
        organizationId: event.organizationId,
        at,
        actorId: event.actorId,
        action: event.action,
        resourceType: event.resourceType,
        resourceId: event.resourceId ?? null,
        subjectUserId,
      })),
      tx,
    );
  }

  /** An organization's log, oldest first, optionally about one person (owners and admins). */
  list(
    organizationId: string,
    filter: { subjectUserId?: string },
    page: PageRequest,
  ): Promise<Page<AuditEntry>> {
    return this.entries.page(organizationId, filter, page);
  }

  /** The same page as CSV, for a records request or an inspection. */
  async csv(
    organizationId: string,
    filter: { subjectUserId?: string },
    page: PageRequest,
  ): Promise<string> {
    const { items } = await this.list(organizationId, filter, page);
    return toCsv([
      ['at', 'actorId', 'action', 'resourceType', 'resourceId', 'subjectUserId'],
      ...items.map((e) => [
        e.at.toISOString(),
        e.actorId,
        e.action,
        e.resourceType,
        e.resourceId ?? '',
        e.subjectUserId ?? '',
      ]),
    ]);
  }
}
