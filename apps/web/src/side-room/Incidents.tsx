import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { Problem } from '../ui/Problem';
import * as keys from '../ui/queryKeys';
import { useDates } from '../ui/useDates';
import { sideRoomKeys } from './keys';
import { whoIs } from '../measures/whoIs';

type Session = Schemas['SessionView'];
type Incident = Schemas['IncidentView'];
type Kind = Incident['kind'];

const KINDS: Kind[] = ['safety', 'conduct', 'technical', 'other'];
const TEXT_MAX = 8000;
const NOBODY = 'nobody';

/** The session's incident record: a form to add one (or a correction), and the list. */
export function Incidents({ session }: { session: Session }) {
  const { t } = useTranslation('sideRoom');
  const { t: common } = useTranslation();
  const dates = useDates(session.timezone);
  const [correcting, setCorrecting] = useState<Incident>();
  const incidents = useQuery({
    queryKey: sideRoomKeys.incidents(session.id),
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/incidents', {
          params: { path: { sessionId: session.id } },
        }),
      ),
  });
  const byId = new Map(incidents.data?.items.map((i) => [i.id, i]));
  return (
    <section className="card incidents" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('incidentsTitle')}</h2>
      <p className="hint">{t('incidentsPrivacy')}</p>
      {incidents.isPending && <p>{common('loading')}</p>}
      {incidents.isError && <Problem error={incidents.error} />}
      {incidents.data && incidents.data.items.length === 0 && <p>{t('noIncidents')}</p>}
      <ol className="incident-list">
        {incidents.data?.items.map((incident) => {
          const corrects = incident.correctsId ? byId.get(incident.correctsId) : undefined;
          return (
            <li key={incident.id} className="incident">
              <p>
                <span className={`badge ${incident.kind}`}>{t(`kind_${incident.kind}`)}</span>{' '}
                <strong>
                  {incident.displayName
                    ? whoIs({ displayName: incident.displayName, legalName: incident.legalName })
                    : t('aboutNobody')}
                </strong>
              </p>
              {corrects && (
                <p className="hint">
                  {t('correctionOf', { when: dates.dateTime(corrects.createdAt) })}
                </p>
              )}
              <p className="incident-text">{incident.description}</p>
              {incident.actionsTaken && (
                <p className="incident-text">
                  <span className="hint">{t('actionsTaken')}:</span> {incident.actionsTaken}
                </p>
              )}
              <p className="hint">
                {t('recordedBy', {
                  name: incident.reportedByName,
                  when: dates.dateTime(incident.createdAt),
                })}
              </p>
              <Button className="secondary" onPress={() => setCorrecting(incident)}>
                {t('correct')}
              </Button>
            </li>
          );
        })}
      </ol>
      <IncidentForm
        key={correcting?.id ?? 'new'}
        session={session}
        correcting={correcting}
        onCancelCorrection={() => setCorrecting(undefined)}
        onRecorded={() => setCorrecting(undefined)}
      />
    </section>
  );
}

function IncidentForm(props: {
  session: Session;
  correcting?: Incident;
  onCancelCorrection(): void;
  onRecorded(): void;
}) {
  const { session, correcting } = props;
  const { t } = useTranslation('sideRoom');
  const dates = useDates(session.timezone);
  const queries = useQueryClient();
  const [about, setAbout] = useState<string>(correcting?.userId ?? NOBODY);
  const [kind, setKind] = useState<Kind>(correcting?.kind ?? 'safety');
  const [description, setDescription] = useState('');
  const [actionsTaken, setActionsTaken] = useState('');
  const [done, setDone] = useState(false);
  const roster = useQuery({
    queryKey: keys.groups.enrollments(session.groupId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/groups/{groupId}/enrollments', {
          params: { path: { groupId: session.groupId }, query: { limit: 200 } },
        }),
      ).then((page) => page.items),
  });
  const record = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/incidents', {
          params: { path: { sessionId: session.id } },
          body: {
            kind,
            description,
            actionsTaken,
            ...(about === NOBODY ? {} : { userId: about }),
            ...(correcting ? { correctsId: correcting.id } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setDescription('');
      setActionsTaken('');
      setDone(true);
      props.onRecorded();
      await queries.invalidateQueries({ queryKey: sideRoomKeys.incidents(session.id) });
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    record.mutate();
  }
  const people = roster.data ?? [];
  return (
    <Form className="incident-form" onSubmit={submit} aria-labelledby="incident-form-title">
      <h3 id="incident-form-title">
        {correcting
          ? t('correcting', { when: dates.dateTime(correcting.createdAt) })
          : t('newIncident')}
      </h3>
      <div className="field">
        <label htmlFor="incident-about">{t('about')}</label>
        <select id="incident-about" value={about} onChange={(e) => setAbout(e.target.value)}>
          <option value={NOBODY}>{t('aboutNobody')}</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="incident-kind">{t('kind')}</label>
        <select id="incident-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        className="field"
        value={description}
        onChange={setDescription}
        maxLength={TEXT_MAX}
        isRequired
        validate={(value) => (value.trim() ? null : t('descriptionRequired'))}
      >
        <Label>{t('description')}</Label>
        <TextArea rows={4} />
        <FieldError />
      </TextField>
      <TextField
        className="field"
        value={actionsTaken}
        onChange={setActionsTaken}
        maxLength={TEXT_MAX}
      >
        <Label>{t('actionsTaken')}</Label>
        <TextArea rows={3} />
      </TextField>
      <div className="incident-actions">
        <Button type="submit" className="primary" isDisabled={record.isPending}>
          {t('record')}
        </Button>
        {correcting && (
          <Button className="secondary" onPress={props.onCancelCorrection}>
            {t('cancelCorrection')}
          </Button>
        )}
        <span role="status" className="hint">
          {done ? t('recorded') : ''}
        </span>
      </div>
      {record.isError && <Problem error={record.error} />}
    </Form>
  );
}
