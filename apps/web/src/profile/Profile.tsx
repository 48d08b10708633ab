import { timeZonesWith } from '../ui/timeZones';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Field } from '../ui/Field';
import { CalendarLink } from './CalendarLink';
import { DeleteAccount } from './DeleteAccount';
import { SpaceEmails } from '../space/SpaceEmails';
import { ReminderChannels } from './ReminderChannels';
import { YourData } from './YourData';
import { PROFILE_KEY, useProfile } from './useProfile';

/**
 * Alias, legal name (for facilitators and admins only) and time zone (what others see, and when the person's sessions are shown to happen),
 * reminder channels, the calendar address, and the person's data: a copy, or deleting the account.
 */
export function Profile() {
  const { t } = useTranslation();
  const profile = useProfile();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async (body: { displayName: string; legalName: string; timezone: string }) => {
      const { error } = await api.PATCH('/api/v1/me', { body });
      if (error) throw new Error(error.message);
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: PROFILE_KEY });
      setSaved(true);
    },
  });
  if (!profile.data) return <p>{t('loading')}</p>;
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = profile.data.timezone ?? deviceZone;
  // 'UTC' and other aliases are not in the canonical list; the chosen zone must be offered.
  const zones = timeZonesWith(zone);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    save.mutate({
      displayName: String(form.get('alias')),
      legalName: String(form.get('legalName') ?? ''),
      timezone: String(form.get('timezone')),
    });
  }

  return (
    <>
      <section className="card narrow">
        <h1>{t('profile')}</h1>
        <Form onSubmit={submit}>
          <Field
            name="alias"
            label={t('alias')}
            help={t('aliasHelp')}
            defaultValue={profile.data.displayName}
            isRequired
          />
          <Field
            name="legalName"
            label={t('legalName')}
            help={t('legalNameHelp')}
            defaultValue={profile.data.legalName ?? ''}
            maxLength={120}
          />
          <div className="field">
            <label htmlFor="timezone">{t('timeZone')}</label>
            <select id="timezone" name="timezone" defaultValue={zone}>
              {zones.map((name) => (
                <option key={name} value={name}>
                  {name.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
          {save.isError && (
            <p role="alert" className="problem">
              {t('somethingWrong')}
            </p>
          )}
          {saved && <p role="status">{t('saved')}</p>}
          <Button type="submit" className="primary" isDisabled={save.isPending}>
            {t('save')}
          </Button>
        </Form>
      </section>
      <ReminderChannels />
      <SpaceEmails />
      <CalendarLink />
      <YourData />
      <DeleteAccount />
    </>
  );
}
