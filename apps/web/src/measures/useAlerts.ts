import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

export const alertsKey = (sessionId: string) => ['sessions', sessionId, 'alerts'] as const;

/**
 * A session's risk alerts, for its clinical facilitators; kept fresh while the page is open.
 * Anyone else (a peer supporter running the lobby, 403 `clinicians_only`) gets null once and
 * is not asked again: the lobby then shows no marker rather than an error.
 */
export function useAlerts(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: alertsKey(sessionId),
    enabled,
    queryFn: async () => {
      const answer = api.GET('/api/v1/sessions/{sessionId}/alerts', {
        params: { path: { sessionId } },
      });
      if ((await answer).response.status === 403) return null;
      return ok(answer);
    },
    refetchInterval: (query) => (query.state.data === null ? false : 30_000),
  });
}
