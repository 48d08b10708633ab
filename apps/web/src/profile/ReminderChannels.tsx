import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import './profile.css';
import { PROFILE_KEY, useProfile } from './useProfile';

type Channel = keyof Schemas['ReminderChannels'];

/** How reminders reach the person: each channel on or off, saved as soon as it changes. */
export function ReminderChannels() {
  const { t } = useTranslation('me');
  const profile = useProfile();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (reminderChannels: Schemas['ReminderChannelsDto']) =>
      ok(api.PATCH('/api/v1/me', { body: { reminderChannels } })),
    onSuccess: (updated) => queries.setQueryData(PROFILE_KEY, updated),
  });
  if (!profile.data) return null;
  // The choice shows at once; the saved profile replaces it when the api answers.
  const channels = {
    ...profile.data.reminderChannels,
    ...(save.isPending ? save.variables : {}),
  };
  const labels: Record<Channel, string> = { email: t('channelEmail'), inApp: t('channelInApp') };
  return (
    <section className="card narrow" aria-labelledby="reminders-title">
      <fieldset className="me-channels">
        <legend>
          <h2 id="reminders-title">{t('remindersTitle')}</h2>
        </legend>
        <p className="hint">{t('remindersHint')}</p>
        {(Object.keys(labels) as Channel[]).map((channel) => (
          <label key={channel} className="me-check">
            <input
              type="checkbox"
              name={channel}
              checked={channels[channel]}
              disabled={save.isPending}
              onChange={(event) => save.mutate({ [channel]: event.target.checked })}
            />
            <span>{labels[channel]}</span>
          </label>
        ))}
      </fieldset>
      <p role="status">{save.isSuccess && t('remindersSaved')}</p>
      {save.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
    </section>
  );
}
