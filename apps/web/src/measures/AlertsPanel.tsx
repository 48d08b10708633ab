import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { alertsKey, useAlerts } from './useAlerts';
import { whoIs } from './whoIs';
import './measures.css';

type Alert = Schemas['RiskAlertView'];

/** On the session page: who may need support before the session, until a facilitator resolves it. */
export function AlertsPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('measures');
  const alerts = useAlerts(sessionId);
  if (alerts.isError) return <Problem error={alerts.error} />;
  if (!alerts.data) return null;
  const open = alerts.data.items.filter((a) => !a.resolvedAt);
  const resolved = alerts.data.items.filter((a) => a.resolvedAt);
  if (alerts.data.items.length === 0) return null;
  return (
    <section
      className={`card alerts${open.length ? ' open' : ''}`}
      aria-labelledby="alerts-title"
      role={open.length ? 'region' : undefined}
    >
      <h2 id="alerts-title">{t('alertsTitle')}</h2>
      {open.length === 0 && <p>{t('alertsNone')}</p>}
      <ul>
        {open.map((alert) => (
          <OpenAlert key={alert.id} alert={alert} sessionId={sessionId} />
        ))}
        {resolved.map((alert) => (
          <ResolvedAlert key={alert.id} alert={alert} />
        ))}
      </ul>
    </section>
  );
}

function OpenAlert({ alert, sessionId }: { alert: Alert; sessionId: string }) {
  const { t } = useTranslation('measures');
  const dates = useDates();
  const queries = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const resolve = useMutation({
    mutationFn: (note: string) =>
      ok(
        api.POST('/api/v1/alerts/{alertId}/resolve', {
          params: { path: { alertId: alert.id } },
          body: { note },
        }),
      ),
    onSuccess: (data) => queries.setQueryData(alertsKey(sessionId), data),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    if (note) resolve.mutate(note);
  };
  return (
    <li className="alert-item">
      <p>{t('alertOpened', { name: whoIs(alert), when: dates.dateTime(alert.createdAt) })}</p>
      {resolving ? (
        <Form onSubmit={submit} className="resolve-form">
          <TextField name="note" className="field" isRequired>
            <Label>{t('resolveNote')}</Label>
            <TextArea rows={4} />
            <Text slot="description">{t('resolveNoteHelp')}</Text>
            <FieldError />
          </TextField>
          {resolve.error && <Problem error={resolve.error} />}
          <Button type="submit" className="primary" isDisabled={resolve.isPending}>
            {t('resolve')}
          </Button>
        </Form>
      ) : (
        <button
          type="button"
          className="secondary"
          aria-label={t('resolveWho', { name: alert.displayName })}
          onClick={() => setResolving(true)}
        >
          {t('resolve')}
        </button>
      )}
    </li>
  );
}

function ResolvedAlert({ alert }: { alert: Alert }) {
  const { t } = useTranslation('measures');
  const dates = useDates();
  return (
    <li className="alert-item resolved">
      <p>{t('alertOpened', { name: whoIs(alert), when: dates.dateTime(alert.createdAt) })}</p>
      <p className="hint">
        {t('alertResolvedBy', {
          when: dates.dateTime(alert.resolvedAt ?? alert.createdAt),
          note: alert.resolution ?? '',
        })}
      </p>
    </li>
  );
}
