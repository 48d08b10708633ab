import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useWithin } from '../ui/clock';
import { useErrorText } from '../ui/errors';
import * as keys from '../ui/queryKeys';
import { useAlerts } from '../measures/useAlerts';

const POLL_MS = 3_000;

/**
 * The waiting room as a facilitator sees it beside the video: who waits, by alias, with Admit
 * and Deny. Anyone else is refused the list (403) and sees nothing here. Given the session's
 * times, it asks only from when joining opens (the api's join window) until the session ends.
 */
export function LobbyPanel({
  sessionId,
  session,
}: {
  sessionId: string;
  session?: { joinOpensAt: string; endsAt: string };
}) {
  const { t } = useTranslation();
  const { t: measures } = useTranslation('measures');
  const errorText = useErrorText();
  const queries = useQueryClient();
  const key = keys.sessions.lobby(sessionId);
  const active = useWithin(
    session && {
      from: Date.parse(session.joinOpensAt),
      until: Date.parse(session.endsAt),
    },
  );
  const lobby = useQuery({
    queryKey: key,
    enabled: active,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/sessions/{sessionId}/lobby', {
        params: { path: { sessionId } },
      });
      if (response.status === 403) return null;
      if (!data) throw new Error('lobby');
      return data.items;
    },
    refetchInterval: (query) => (!active || query.state.data === null ? false : POLL_MS),
  });
  // Beside a waiting person: an open risk alert, so a facilitator can speak with them first.
  const alerts = useAlerts(sessionId, active && Boolean(lobby.data));
  const needsSupport = new Set(
    alerts.data?.items.filter((a) => !a.resolvedAt).map((a) => a.userId) ?? [],
  );
  const decide = useMutation({
    mutationFn: async ({ entryId, admit }: { entryId: string; admit: boolean }) => {
      const params = { path: { sessionId, entryId } };
      if (admit)
        await ok(api.POST('/api/v1/sessions/{sessionId}/lobby/{entryId}/admit', { params }));
      else await ok(api.POST('/api/v1/sessions/{sessionId}/lobby/{entryId}/deny', { params }));
    },
    onSettled: () => queries.invalidateQueries({ queryKey: key }),
  });
  if (!active || !lobby.data) return null;
  return (
    <section className="card lobby" aria-labelledby="lobby-title" aria-live="polite">
      <h2 id="lobby-title">{t('lobbyTitle', { count: lobby.data.length })}</h2>
      {lobby.data.length === 0 && <p>{t('lobbyEmpty')}</p>}
      {decide.isError && (
        <p role="alert" className="problem">
          {errorText(decide.error)}
        </p>
      )}
      <ul>
        {lobby.data.map((entry) => (
          <li key={entry.id}>
            <span className="who">{entry.displayName}</span>
            {needsSupport.has(entry.userId) && (
              <span className="badge alert">{measures('lobbyAlert')}</span>
            )}
            <Button
              className="primary"
              onPress={() => decide.mutate({ entryId: entry.id, admit: true })}
              aria-label={t('admitWho', { name: entry.displayName })}
            >
              {t('admit')}
            </Button>
            <Button
              className="secondary"
              onPress={() => decide.mutate({ entryId: entry.id, admit: false })}
              aria-label={t('denyWho', { name: entry.displayName })}
            >
              {t('deny')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
