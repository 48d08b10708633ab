/**
 * Every TanStack Query key, one factory per kind of resource, shaped like the api path it reads:
 * the same endpoint has the same key on every screen, and invalidating a key reaches every view
 * under it (`groups.one(id)` also refreshes that group's sessions and roster). A list read page by
 * page (useInfiniteQuery) keeps its pages under `pages(...)`, since its cached shape differs from
 * a one-call read of the same list; invalidating the list's key reaches both.
 */
export const pages = (key: readonly unknown[]) => [...key, 'pages'] as const;

export const organizations = {
  one: (orgId: string) => ['organizations', orgId] as const,
  /** GET /organizations/{orgId}/members */
  members: (orgId: string) => ['organizations', orgId, 'members'] as const,
  /** GET /organizations/{orgId}/participants */
  participants: (orgId: string) => ['organizations', orgId, 'participants'] as const,
  /** GET /organizations/{orgId}/curricula */
  curricula: (orgId: string) => ['organizations', orgId, 'curricula'] as const,
  /** GET /organizations/{orgId}/groups */
  groups: (orgId: string) => ['organizations', orgId, 'groups'] as const,
  /** GET /organizations/{orgId}/webinars */
  webinars: (orgId: string) => ['organizations', orgId, 'webinars'] as const,
  invitations: (orgId: string) => ['organizations', orgId, 'invitations'] as const,
};

export const curricula = {
  /** GET /curricula/{curriculumId} */
  one: (curriculumId: string) => ['curricula', curriculumId] as const,
  version: (curriculumId: string, versionId: string) =>
    ['curricula', curriculumId, 'versions', versionId] as const,
  templates: ['curriculum-templates'] as const,
};

export const groups = {
  /** GET /groups/{groupId} */
  one: (groupId: string) => ['groups', groupId] as const,
  sessions: (groupId: string) => ['groups', groupId, 'sessions'] as const,
  enrollments: (groupId: string) => ['groups', groupId, 'enrollments'] as const,
  /** GET /groups/{groupId}/attendance: the members × sessions matrix */
  attendance: (groupId: string) => ['groups', groupId, 'attendance'] as const,
};

export const sessions = {
  /** GET /sessions/{sessionId} */
  one: (sessionId: string) => ['sessions', sessionId] as const,
  attendance: (sessionId: string) => ['sessions', sessionId, 'attendance'] as const,
  lobby: (sessionId: string) => ['sessions', sessionId, 'lobby'] as const,
  agenda: (sessionId: string) => ['sessions', sessionId, 'agenda'] as const,
};
