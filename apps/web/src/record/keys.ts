import * as keys from '../ui/queryKeys';

/** The clinical record's query keys, shaped like the api paths they read (see ui/queryKeys). */
export const record = {
  /** GET /sessions/{sessionId}/notes */
  notes: (sessionId: string) => [...keys.sessions.one(sessionId), 'notes'] as const,
  /** GET /sessions/{sessionId}/homework */
  sessionHomework: (sessionId: string) => [...keys.sessions.one(sessionId), 'homework'] as const,
  /** GET /me/homework */
  myHomework: ['me', 'homework'] as const,
  /** GET /organizations/{orgId}/audit, about one person or everyone */
  audit: (orgId: string, subjectUserId?: string) =>
    [...keys.organizations.one(orgId), 'audit', subjectUserId ?? 'everyone'] as const,
};
