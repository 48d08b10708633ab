/**
 * SQL for the retention purge: an erased person's rows whose organization's clinical retention
 * has ended by `$1`, as a join condition on `u` (users) and `o` (organizations).
 */
export const RETENTION_ENDED = `u.erased_at IS NOT NULL
  AND u.erased_at + make_interval(days => o.clinical_retention_days) <= $1`;

/** A row the retention purge deleted: whose, in which organization, of what kind. */
export interface PurgedRecord {
  organizationId: string;
  userId: string;
  resourceType: string;
}

/**
 * The audit events for what a purge deleted: one `delete` per organization, person and kind of
 * record, however many rows, with the erased person as the actor (their request caused it).
 */
export function purgeAuditEvents(purged: readonly PurgedRecord[]) {
  const seen = new Set<string>();
  const events = [];
  for (const { organizationId, userId, resourceType } of purged) {
    const key = `${organizationId}/${userId}/${resourceType}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({
      organizationId,
      actorId: userId,
      action: 'delete' as const,
      resourceType,
      subjectUserIds: [userId],
    });
  }
  return events;
}
