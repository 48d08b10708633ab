import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/**
 * The waiting room as a facilitator sees it beside the video: who waits, by alias, with Admit
 * and Deny. Anyone else is refused the list (403) and sees nothing here.
 */
export function LobbyPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const key = ['sessions', sessionId, 'lobby'];
  const lobby = useQuery({
    queryKey: key,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/sessions/{sessionId}/lobby', {
        params: { path: { sessionId } },
      });
      if (response.status === 403) return null;
      if (!data) throw new Error('lobby');
      return data.items;
    },
    refetchInterval: (query) => (query.state.data === null ? false : 3_000),
  });
  const decide = useMutation({
    mutationFn: async ({ entryId, admit }: { entryId: string; admit: boolean }) => {
      const params = { path: { sessionId, entryId } };
      if (admit) await api.POST('/api/v1/sessions/{sessionId}/lobby/{entryId}/admit', { params });
      else await api.POST('/api/v1/sessions/{sessionId}/lobby/{entryId}/deny', { params });
    },
    onSettled: () => queries.invalidateQueries({ queryKey: key }),
  });
  if (!lobby.data) return null;
  return (
    <section className="card lobby" aria-labelledby="lobby-title" aria-live="polite">
      <h2 id="lobby-title">{t('lobbyTitle', { count: lobby.data.length })}</h2>
      {lobby.data.length === 0 && <p>{t('lobbyEmpty')}</p>}
      <ul>
        {lobby.data.map((entry) => (
          <li key={entry.id}>
            <span className="who">{entry.displayName}</span>
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
