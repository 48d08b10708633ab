import { timeZonesWith } from '../ui/timeZones';
import './groups.css';
import { type CalendarDate, type Time, today } from '@internationalized/date';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, CheckboxGroup, Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useMembers } from '../org/useMembers';
import { STAFF, WORKERS, useOrganization } from '../org/useOrganization';
import { useOrganizationView } from '../org/useOrganizationView';
import { useProfile, useTimeZone } from '../profile/useProfile';
import { Field } from '../ui/Field';
import { languageName } from '../ui/languageName';
import { CheckField, DateTimeField, TimeInputField } from '../ui/DateFields';
import { zoneName } from './time';
import * as keys from '../ui/queryKeys';
import { Problem } from '../ui/Problem';

type Kind = Schemas['GroupKind'];
const KINDS: Kind[] = ['support', 'drop_in', 'curriculum'];

/** Languages offered first; the group's language is a short BCP 47 code. */
const LANGUAGES = ['en', 'bn', 'id', 'hi', 'ur', 'ms', 'ar', 'es', 'fr', 'pt'];

/**
 * `/groups/new`: first the kind of group (a program group on a published program, an open-ended
 * support group, drop-in meetings), then its details, weekly at one local time; then its page.
 * A peer supporter opens only support groups and drop-in meetings.
 */
export default function NewGroup() {
  const { t, i18n } = useTranslation('groups');
  const { t: common } = useTranslation();
  const { t: orgT } = useTranslation('org');
  const org = useOrganization();
  const orgId = org?.organizationId ?? '';
  const orgView = useOrganizationView(orgId);
  const me = useProfile().data;
  // The zone the person chose in their profile, else the organization's (not the device's).
  const myZone = useTimeZone();
  const zone = myZone ?? orgView.data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [curriculumId, setCurriculumId] = useState('');
  const [picked, setPicked] = useState<Kind | null>(null);
  const [leadId, setLeadId] = useState('');
  const [coIds, setCoIds] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [firstDate, setFirstDate] = useState<CalendarDate | null>(null);
  const [startTime, setStartTime] = useState<Time | null>(null);
  const kinds = org?.clinical ? KINDS : KINDS.filter((k) => k !== 'curriculum');
  const curricula = useQuery({
    queryKey: keys.organizations.curricula(orgId),
    enabled: Boolean(org?.clinical),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/curricula', {
          params: { path: { orgId }, query: { limit: 200 } },
        }),
      ),
  });
  const published = curricula.data?.items.filter((c) => c.currentVersionId) ?? [];
  // A program group first only when there is a program to run; else a support group.
  const kind: Kind = picked ?? (org?.clinical && published.length > 0 ? 'curriculum' : 'support');
  // Who may lead this kind of group: clinical staff, and peer supporters outside program groups.
  const staff = useMembers(orgId, Boolean(org?.manages));
  const leaders = (staff.data ?? []).filter(
    (m) => m.userId !== me?.id && (kind === 'curriculum' ? STAFF : WORKERS).includes(m.role),
  );
  const lead = leaders.some((m) => m.userId === leadId) ? leadId : (me?.id ?? '');
  const coFacilitators = coIds.filter(
    (id) => id !== lead && (id === me?.id || leaders.some((m) => m.userId === id)),
  );
  const chosen = curriculumId || published[0]?.id || '';
  const curriculum = useQuery({
    queryKey: keys.curricula.one(chosen),
    enabled: Boolean(chosen),
    queryFn: () =>
      ok(
        api.GET('/api/v1/curricula/{curriculumId}', { params: { path: { curriculumId: chosen } } }),
      ),
  });
  // Suggestions come from the api (one list); a tag without a translation shows as it is.
  const suggested = useQuery({
    queryKey: ['group-tags'],
    staleTime: Infinity,
    queryFn: () => ok(api.GET('/api/v1/group-tags')),
  });
  const create = useMutation({
    mutationFn: (body: Schemas['CreateGroupDto']) =>
      ok(api.POST('/api/v1/organizations/{orgId}/groups', { params: { path: { orgId } }, body })),
    onSuccess: async (group) => {
      await queries.invalidateQueries({ queryKey: keys.organizations.groups(orgId) });
      void navigate(`/groups/${group.id}`);
    },
  });
  if (!org) return <p>{t('staffOnly')}</p>;
  if ((org.clinical && curricula.isPending) || orgView.isPending) return <p>{common('loading')}</p>;
  if (curricula.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const withProgram = kind === 'curriculum';

  const refusal = create.error instanceof ApiError ? create.error : null;
  const fieldErrors = Object.fromEntries((refusal?.fields ?? []).map((f) => [f.field, f.message]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!firstDate || !startTime) return;
    create.mutate({
      name: String(form.get('name')).trim(),
      description: String(form.get('description') ?? '').trim(),
      kind,
      ...(lead && lead !== me?.id ? { leadFacilitatorId: lead } : {}),
      ...(coFacilitators.length ? { coFacilitatorIds: coFacilitators } : {}),
      language: String(form.get('language')),
      tags: [
        ...new Set([
          ...tags,
          ...String(form.get('tags') ?? '')
            .split(',')
            // Tags are short slugs (a-z, 0-9, -): "Low mood" becomes "low-mood".
            .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-'))
            .filter(Boolean),
        ]),
      ],
      ...(withProgram ? { curriculumVersionId: String(form.get('version')) } : {}),
      timezone: String(form.get('timezone')),
      firstSessionDate: firstDate.toString(),
      startTime: startTime.toString().slice(0, 5),
      durationMinutes: Number(form.get('duration')),
      capacity: Number(form.get('capacity')),
      lobbyEnabled: form.get('lobby') === 'on',
      participantScreenShare: form.get('screenShare') === 'on',
    });
  }

  const versions = curriculum.data?.versions.filter((v) => v.status === 'published') ?? [];
  return (
    <section className="card new-group">
      <h1>{t('newGroup')}</h1>
      <Form onSubmit={submit} validationErrors={fieldErrors}>
        <RadioGroup
          value={kind}
          onChange={(value) => setPicked(value as Kind)}
          className="choice kinds"
          isRequired
        >
          <Label>{t('kind')}</Label>
          {kinds.map((k) => (
            <Radio key={k} value={k}>
              <span>
                <span className="kind-name">{t(`kind_${k}`)}</span>
                <Text slot="description" className="check-help">
                  {t(`kindHelp_${k}`)}
                </Text>
              </span>
            </Radio>
          ))}
        </RadioGroup>
        {withProgram && published.length === 0 ? (
          <p>{t('noPublishedProgram')}</p>
        ) : (
          <>
            <Field name="name" label={t('name')} isRequired maxLength={120} />
            <Field name="description" label={t('description')} help={t('descriptionHelp')} />
            <div className="field">
              <label htmlFor="language">{t('language')}</label>
              <select
                id="language"
                name="language"
                defaultValue={LANGUAGES.includes(i18n.language) ? i18n.language : 'en'}
              >
                {LANGUAGES.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {languageName(code)}
                    {code !== i18n.language ? ` (${languageName(code, i18n.language)})` : ''}
                  </option>
                ))}
              </select>
            </div>
            <CheckboxGroup value={tags} onChange={setTags} className="choice tag-choices">
              <Label>{t('suggestedTags')}</Label>
              <Text slot="description" className="hint">
                {t('suggestedTagsHelp')}
              </Text>
              {(suggested.data?.items ?? []).map((tag) => (
                <CheckField key={tag} value={tag} label={t(`tag_${tag}`, { defaultValue: tag })} />
              ))}
            </CheckboxGroup>
            <Field name="tags" label={t('otherTags')} help={t('tagsHelp')} />
            {withProgram && (
              <>
                <div className="field">
                  <label htmlFor="curriculum">{t('program')}</label>
                  <select
                    id="curriculum"
                    value={chosen}
                    onChange={(event) => setCurriculumId(event.target.value)}
                  >
                    {published.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="version">{t('version')}</label>
                  <select
                    id="version"
                    name="version"
                    key={chosen}
                    defaultValue={curriculum.data?.currentVersionId ?? undefined}
                    disabled={!curriculum.data}
                    required
                  >
                    {versions
                      .slice()
                      .reverse()
                      .map((v) => (
                        <option key={v.id} value={v.id}>
                          {t('versionOption', { version: v.version })}
                        </option>
                      ))}
                  </select>
                </div>
              </>
            )}
            {org.manages && staff.isError && (
              <p className="problem">{t('facilitatorsUnavailable')}</p>
            )}
            {org.manages && staff.data && (
              <>
                <div className="field">
                  <label htmlFor="lead">{t('ledBy')}</label>
                  <select
                    id="lead"
                    value={lead}
                    onChange={(event) => setLeadId(event.target.value)}
                    aria-describedby="lead-help"
                  >
                    <option value={me?.id}>{t('me', { name: me?.displayName ?? '' })}</option>
                    {leaders.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.displayName} ({orgT(`role_${m.role}`)})
                      </option>
                    ))}
                  </select>
                  <p id="lead-help" className="hint">
                    {t('ledByHelp')}
                  </p>
                </div>
                {leaders.length > 0 && (
                  <CheckboxGroup
                    value={coFacilitators}
                    onChange={setCoIds}
                    className="choice co-facilitators"
                  >
                    <Label>{t('coFacilitators')}</Label>
                    <Text slot="description" className="hint">
                      {t('coFacilitatorsHelp')}
                    </Text>
                    {[
                      ...(lead !== me?.id && me
                        ? [{ userId: me.id, label: t('me', { name: me.displayName }) }]
                        : []),
                      ...leaders
                        .filter((m) => m.userId !== lead)
                        .map((m) => ({
                          userId: m.userId,
                          label: `${m.displayName} (${orgT(`role_${m.role}`)})`,
                        })),
                    ].map((person) => (
                      <CheckField key={person.userId} value={person.userId} label={person.label} />
                    ))}
                  </CheckboxGroup>
                )}
              </>
            )}
            <div className="field">
              <label htmlFor="timezone">{t('timeZone')}</label>
              <select id="timezone" name="timezone" defaultValue={zone}>
                {timeZonesWith(zone).map((z) => (
                  <option key={z} value={z}>
                    {zoneName(z)}
                  </option>
                ))}
              </select>
            </div>
            <DateTimeField
              label={t('firstSessionDate')}
              help={t('firstSessionDateHelp')}
              value={firstDate}
              onChange={setFirstDate}
              minValue={today(zone)}
              isRequired
            />
            <TimeInputField
              label={t('startTime')}
              value={startTime}
              onChange={setStartTime}
              isRequired
            />
            <Field
              name="duration"
              type="number"
              label={t('duration')}
              defaultValue="90"
              isRequired
              inputMode="numeric"
            />
            <Field
              name="capacity"
              type="number"
              label={t('capacity')}
              help={t('capacityHelp')}
              defaultValue="10"
              isRequired
              inputMode="numeric"
            />
            <CheckField
              name="lobby"
              value="on"
              defaultSelected
              label={t('lobby')}
              help={t('lobbyHelp')}
            />
            <CheckField name="screenShare" value="on" label={t('screenShare')} />
            {refusal && <Problem error={refusal} />}
            <Button type="submit" className="primary" isDisabled={create.isPending}>
              {t('createGroup')}
            </Button>
          </>
        )}
      </Form>
    </section>
  );
}
