import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/result';

export const alertsKey = (sessionId: string) => ['sessions', sessionId, 'alerts'] as const;

/** A session's risk alerts, for its facilitators; kept fresh while the page is open. */
export function useAlerts(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: alertsKey(sessionId),
    enabled,
    queryFn: () =>
      ok(api.GET('/api/v1/sessions/{sessionId}/alerts', { params: { path: { sessionId } } })),
    refetchInterval: 30_000,
  });
}
