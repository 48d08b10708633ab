import * as keys from '../ui/queryKeys';

/** The library's query keys, shaped like the api paths they read (see ui/queryKeys). */
export const library = {
  /** GET /organizations/{orgId}/resources, with its filters */
  list: (orgId: string, filter?: Record<string, string>) =>
    [...keys.organizations.one(orgId), 'resources', ...(filter ? [filter] : [])] as const,
  /** GET /resources/{resourceId} */
  one: (resourceId: string) => ['resources', resourceId] as const,
  /** GET /curricula/{curriculumId}/modules/{index}/resources */
  module: (curriculumId: string, index: number) =>
    [...keys.curricula.one(curriculumId), 'modules', index, 'resources'] as const,
  /** GET /sessions/{sessionId}/resources */
  session: (sessionId: string) => [...keys.sessions.one(sessionId), 'resources'] as const,
};
