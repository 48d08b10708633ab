import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';
import * as keys from '../ui/queryKeys';

/**
 * The organization's members in one read (up to 200: enough to pick someone for a group or a
 * webinar); the Members page pages through the same list under `pages(...)` of the same key.
 */
export function useMembers(orgId: string, enabled = true) {
  return useQuery({
    queryKey: keys.organizations.members(orgId),
    enabled: enabled && Boolean(orgId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/members', {
          params: { path: { orgId }, query: { limit: 200 } },
        }),
      ),
    select: (page) => page.items,
  });
}

/** The organization's participants by alias (up to 200), for a facilitator enrolling them. */
export function useParticipants(orgId: string) {
  return useQuery({
    queryKey: keys.organizations.participants(orgId),
    enabled: Boolean(orgId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/participants', {
          params: { path: { orgId }, query: { limit: 200 } },
        }),
      ),
    select: (page) => page.items,
  });
}
