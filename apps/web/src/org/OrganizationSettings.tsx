import { timeZonesWith } from '../ui/timeZones';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { WatchedWords } from '../space/WatchedWords';
import { Field } from '../ui/Field';
import {
  MAX_REMINDERS,
  reminderProblem,
  type ReminderTime,
  type ReminderUnit,
  toMinutes,
  toReminderTime,
} from './reminders';
import { RetentionField, retentionValid, useRetentionWords } from './RetentionField';
import { organizationKey, useOrganizationView } from './useOrganizationView';
import { useOrganization } from './useOrganization';
import './org.css';

// The canonical zones, plus UTC (an organization's default), which the list leaves out.
const UNITS: ReminderUnit[] = ['minutes', 'hours', 'days'];

/** The organization's settings: owners and admins change them, therapists read them. */
export default function OrganizationSettings() {
  const { t } = useTranslation('org');
  const organization = useOrganization();
  const view = useOrganizationView(organization?.organizationId ?? '');
  if (!organization) return <NotStaff />;
  if (view.isError) {
    return (
      <p role="alert" className="problem">
        {t('somethingWrong', { ns: 'translation' })}
      </p>
    );
  }
  if (!view.data) return <p>{t('loading', { ns: 'translation' })}</p>;
  return (
    <>
      <h1>{view.data.name}</h1>
      {organization.manages && (
        <p>
          <Link to="/organization/members">{t('manageMembers')}</Link>
          {' · '}
          <Link to="/organization/audit">{t('auditTitle', { ns: 'record' })}</Link>
        </p>
      )}
      {organization.manages ? (
        <SettingsForm key={view.data.id} organization={view.data} />
      ) : (
        <SettingsRead organization={view.data} />
      )}
      <WatchedWords orgId={view.data.id} manages={organization.manages} />
    </>
  );
}

export function NotStaff() {
  const { t } = useTranslation('org');
  return (
    <section className="card">
      <h1>{t('noOrganization')}</h1>
      <Link className="button" to="/organization/new">
        {t('startAction')}
      </Link>
    </section>
  );
}

function useReminderLabel() {
  const { t } = useTranslation('org');
  return (time: ReminderTime) => t(`before_${time.unit}`, { count: time.amount });
}

function SettingsRead({ organization }: { organization: Schemas['OrganizationView'] }) {
  const { t } = useTranslation('org');
  const label = useReminderLabel();
  const retention = useRetentionWords();
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings')}</h2>
      <p className="hint">{t('readOnly')}</p>
      <dl className="org-settings">
        <dt>{t('timeZone')}</dt>
        <dd>{organization.timezone.replaceAll('_', ' ')}</dd>
        <dt>{t('reminders')}</dt>
        <dd>
          {organization.reminderOffsetsMinutes.length === 0 ? (
            t('noReminders')
          ) : (
            <ul>
              {[...organization.reminderOffsetsMinutes]
                .sort((a, b) => b - a)
                .map((m) => (
                  <li key={m}>{label(toReminderTime(m))}</li>
                ))}
            </ul>
          )}
        </dd>
        <dt>{t('agreement')}</dt>
        <dd className="agreement">
          {organization.groupAgreement ? (
            <>
              <p className="hint">
                {t('agreementVersion', { version: organization.groupAgreement.version })}
              </p>
              <p>{organization.groupAgreement.text}</p>
            </>
          ) : (
            t('noAgreement')
          )}
        </dd>
        <dt>{t('retention')}</dt>
        <dd>{retention(organization.clinicalRetentionDays)}</dd>
      </dl>
    </section>
  );
}

function SettingsForm({ organization }: { organization: Schemas['OrganizationView'] }) {
  const { t } = useTranslation('org');
  const queries = useQueryClient();
  const [reminders, setReminders] = useState<ReminderTime[]>(() =>
    [...organization.reminderOffsetsMinutes].sort((a, b) => b - a).map(toReminderTime),
  );
  const [retentionDays, setRetentionDays] = useState(organization.clinicalRetentionDays);
  const [saved, setSaved] = useState(false);
  const problem = reminderProblem(reminders);
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateOrganizationDto']) =>
      ok(
        api.PATCH('/api/v1/organizations/{orgId}', {
          params: { path: { orgId: organization.id } },
          body,
        }),
      ),
    onSuccess: (updated) => {
      queries.setQueryData(organizationKey(organization.id), updated);
      setSaved(true);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problem || !retentionValid(retentionDays)) return;
    const form = new FormData(event.currentTarget);
    const agreement = String(form.get('agreement')).trim();
    setSaved(false);
    save.mutate({
      name: String(form.get('name')).trim(),
      timezone: String(form.get('timezone')),
      reminderOffsetsMinutes: reminders.map(toMinutes),
      clinicalRetentionDays: retentionDays,
      // The agreement cannot be emptied; an unchanged text keeps its version.
      ...(agreement ? { groupAgreement: agreement } : {}),
    });
  }

  const change = (index: number, next: Partial<ReminderTime>) =>
    setReminders(reminders.map((r, i) => (i === index ? { ...r, ...next } : r)));

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings')}</h2>
      <Form onSubmit={submit}>
        <Field name="name" label={t('name')} defaultValue={organization.name} isRequired />
        <div className="field">
          <label htmlFor="org-timezone">{t('timeZone')}</label>
          <select id="org-timezone" name="timezone" defaultValue={organization.timezone}>
            {timeZonesWith(organization.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="reminders" aria-describedby="reminders-help">
          <legend>{t('reminders')}</legend>
          <p id="reminders-help" className="hint">
            {t('remindersHelp')}
          </p>
          {reminders.length === 0 && <p>{t('noReminders')}</p>}
          <ul>
            {reminders.map((reminder, index) => (
              <li key={index} className="reminder">
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  aria-label={t('reminderAmount', { n: index + 1 })}
                  value={Number.isNaN(reminder.amount) ? '' : reminder.amount}
                  onChange={(e) => change(index, { amount: e.target.valueAsNumber })}
                />
                <select
                  aria-label={t('reminderUnit', { n: index + 1 })}
                  value={reminder.unit}
                  onChange={(e) => change(index, { unit: e.target.value as ReminderUnit })}
                >
                  {UNITS.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`unit_${unit}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="link"
                  aria-label={t('removeReminder', { n: index + 1 })}
                  onClick={() => setReminders(reminders.filter((_, i) => i !== index))}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
          {reminders.length < MAX_REMINDERS && (
            <button
              type="button"
              className="secondary"
              onClick={() => setReminders([...reminders, { amount: 1, unit: 'hours' }])}
            >
              {t('addReminder')}
            </button>
          )}
          {problem && (
            <p role="alert" className="problem">
              {t(`reminderProblem_${problem}`)}
            </p>
          )}
        </fieldset>
        <TextField
          className="field"
          name="agreement"
          defaultValue={organization.groupAgreement?.text ?? ''}
          maxLength={20_000}
        >
          <Label>{t('agreement')}</Label>
          <TextArea rows={8} aria-describedby="agreement-help" />
          <p id="agreement-help" className="hint">
            {organization.groupAgreement
              ? t('agreementHelpVersion', { version: organization.groupAgreement.version })
              : t('agreementHelp')}
          </p>
        </TextField>
        <RetentionField days={retentionDays} onChange={setRetentionDays} />
        {save.isError && (
          <p role="alert" className="problem">
            {t('somethingWrong', { ns: 'translation' })}
          </p>
        )}
        {saved && <p role="status">{t('saved', { ns: 'translation' })}</p>}
        <Button
          type="submit"
          className="primary"
          isDisabled={save.isPending || !!problem || !retentionValid(retentionDays)}
        >
          {t('saveSettings')}
        </Button>
      </Form>
    </section>
  );
}
