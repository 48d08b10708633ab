import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';
import * as keys from '../ui/queryKeys';

export const sessionsKey = keys.groups.sessions;

/** Every session of the group (a series is a few dozen at most: one page of 200). */
export function useSessions(groupId: string) {
  return useQuery({
    queryKey: sessionsKey(groupId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/groups/{groupId}/sessions', {
          params: { path: { groupId }, query: { limit: 200 } },
        }),
      ).then((page) => page.items),
  });
}
