import './groups.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useProfile } from '../profile/useProfile';
import { LobbyPanel } from '../room/LobbyPanel';
import { Field } from '../ui/Field';
import { groupKey } from './GroupPage';
import { isUuid } from '../ui/ids';
import { useDates } from '../ui/useDates';
import { zoneName } from './time';
import * as keys from '../ui/queryKeys';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Problem } from '../ui/Problem';
import { SessionRecord } from '../record/SessionRecord';
import { AlertsPanel } from '../measures/AlertsPanel';
import { SideRoomDesk } from '../side-room/SideRoomDesk';
import { SessionResources } from '../resources/SessionResources';
import { useSessionName } from './sessionName';

type Session = Schemas['SessionView'];
type Group = Schemas['GroupDetailView'];

const sessionKey = keys.sessions.one;

/** `/sessions/:sessionId`: the facilitator's desk for one session, before, during and after. */
export default function SessionPage() {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const { sessionId = '' } = useParams();
  const valid = isUuid(sessionId);
  const session = useQuery({
    queryKey: sessionKey(sessionId),
    enabled: valid,
    queryFn: () => ok(api.GET('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } } })),
    // The status moves on by itself (open, live, ended): keep it fresh while the page is open.
    refetchInterval: 15_000,
  });
  const groupId = session.data?.groupId ?? '';
  const group = useQuery({
    queryKey: groupKey(groupId),
    enabled: Boolean(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}', { params: { path: { groupId } } })),
  });
  if (!valid) return <p role="alert">{t('noSuchSession')}</p>;
  if (session.isError || group.isError) {
    return <Problem error={session.error ?? group.error} />;
  }
  if (!session.data || !group.data) return <p>{common('loading')}</p>;
  return <SessionDesk session={session.data} group={group.data} />;
}

function SessionDesk({ session, group }: { session: Session; group: Group }) {
  const sessionName = useSessionName();
  const { t } = useTranslation('groups');
  const instants = useDates(group.timezone);
  const facilitator = group.viewerRole === 'facilitator';
  // A peer supporter facilitates without clinical records: no alerts, side rooms, notes.
  const clinician = facilitator && group.clinician;
  const running = session.status === 'open' || session.status === 'live';
  const over = session.status === 'ended' || session.status === 'cancelled';
  return (
    <section className="session-page">
      <p className="crumb">
        <Link to={`/groups/${group.id}`}>{group.name}</Link>
      </p>
      <h1>{sessionName(session)}</h1>
      <p>
        <span className="when">{instants.full(session.startsAt)}</span>{' '}
        <span className="hint">({zoneName(group.timezone)})</span>{' '}
        <span className={`badge ${session.status}`}>{t(`status_${session.status}`)}</span>
      </p>
      {session.cancelReason && <p className="hint">{session.cancelReason}</p>}
      {!over && (
        <p>
          <Link className="button" to={`/sessions/${session.id}/join`}>
            {t('openRoom')}
          </Link>
        </p>
      )}
      <SessionResources sessionId={session.id} />
      {facilitator && !clinician && <p className="hint peer-led">{t('peerLed')}</p>}
      {clinician && <AlertsPanel sessionId={session.id} />}
      {facilitator && (
        <div className="desk">
          <div className="desk-side">
            {!over && group.lobbyEnabled && <LobbyPanel sessionId={session.id} session={session} />}
            <InRoom session={session} running={running} />
          </div>
          {session.moduleIndex !== null && <Agenda session={session} />}
        </div>
      )}
      {clinician && <SideRoomDesk session={session} />}
      {clinician && <SessionRecord session={session} />}
    </section>
  );
}

function Agenda({ session }: { session: Session }) {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const agenda = useQuery({
    queryKey: keys.sessions.agenda(session.id),
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/agenda', {
          params: { path: { sessionId: session.id } },
        }),
      ),
  });
  if (agenda.isPending) return <p>{common('loading')}</p>;
  if (agenda.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const { module } = agenda.data;
  if (!module) return null;
  const total = module.agenda.reduce((sum, item) => sum + item.minutes, 0);
  return (
    <section className="card agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('agendaTitle', { minutes: total })}</h2>
      {module.goals.length > 0 && (
        <>
          <h3>{t('goals')}</h3>
          <ul>
            {module.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
        </>
      )}
      <ol className="agenda-items">
        {module.agenda.map((item, index) => (
          <li key={index}>
            <div className="agenda-line">
              <span>{item.title}</span>
              <span className="minutes">{t('minutes', { count: item.minutes })}</span>
            </div>
            {item.facilitatorNotes && (
              <p className="notes">
                <span className="notes-label">{t('facilitatorNotes')}</span> {item.facilitatorNotes}
              </p>
            )}
          </li>
        ))}
      </ol>
      {module.homework.length > 0 && (
        <>
          <h3>{t('homework')}</h3>
          <ul>
            {module.homework.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Who is in the room now (open presence intervals), with mute and remove; then attendance. */
function InRoom({ session, running }: { session: Session; running: boolean }) {
  const { t } = useTranslation('groups');
  const me = useProfile().data?.id;
  const queries = useQueryClient();
  const key = keys.sessions.attendance(session.id);
  const attendance = useQuery({
    queryKey: key,
    enabled: session.status !== 'scheduled' && session.status !== 'cancelled',
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/attendance', {
          params: { path: { sessionId: session.id }, query: { limit: 200 } },
        }),
      ).then((page) => page.items),
    refetchInterval: running ? 3_000 : false,
  });
  const [notice, setNotice] = useState('');
  const mute = useMutation({
    mutationFn: (person: Schemas['AttendanceItem']) =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/participants/{userId}/mute', {
          params: { path: { sessionId: session.id, userId: person.userId } },
          body: {},
        }),
      ),
    onSuccess: (result, person) =>
      setNotice(t('muted', { name: person.displayName, count: result.mutedTracks })),
  });
  const remove = useMutation({
    mutationFn: (person: Schemas['AttendanceItem']) =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/participants/{userId}/remove', {
          params: { path: { sessionId: session.id, userId: person.userId } },
        }),
      ),
    onSuccess: async (_, person) => {
      setNotice(t('removed', { name: person.displayName }));
      await queries.invalidateQueries({ queryKey: key });
    },
  });
  const end = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/end', {
          params: { path: { sessionId: session.id } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: sessionKey(session.id) }),
  });
  const people = attendance.data ?? [];
  const inRoom = people.filter(
    (p) => p.userId !== me && p.intervals.some((interval) => interval.leftAt === null),
  );
  const failure = mute.error ?? remove.error ?? end.error;
  return (
    <>
      {running && (
        <section className="card in-room" aria-labelledby="in-room-title">
          <h2 id="in-room-title">{t('inRoomTitle', { count: inRoom.length })}</h2>
          {inRoom.length === 0 && <p>{t('nobodyInRoom')}</p>}
          <ul className="people">
            {inRoom.map((person) => (
              <li key={person.userId}>
                <span className="who">{person.displayName}</span>
                <Button
                  className="secondary"
                  aria-label={t('muteWho', { name: person.displayName })}
                  onPress={() => mute.mutate(person)}
                >
                  {t('mute')}
                </Button>
                <ConfirmDialog
                  label={t('remove')}
                  ariaLabel={t('removeWho', { name: person.displayName })}
                  title={t('removeTitle', { name: person.displayName })}
                  cancel={t('goBack')}
                  confirm={t('confirmRemove')}
                  onConfirm={(close) => {
                    remove.mutate(person);
                    close();
                  }}
                >
                  <p>{t('removeText')}</p>
                </ConfirmDialog>
              </li>
            ))}
          </ul>
          <p role="status" aria-live="polite">
            {notice}
          </p>
          {failure && <Problem error={failure} />}
          <ConfirmDialog
            className="secondary danger end-all"
            label={t('endForEveryone')}
            title={t('endTitle')}
            cancel={t('goBack')}
            confirm={t('confirmEnd')}
            onConfirm={(close) => {
              end.mutate();
              close();
            }}
          >
            <p>{t('endText')}</p>
          </ConfirmDialog>
        </section>
      )}
      {people.length > 0 && <AttendanceList session={session} people={people} />}
    </>
  );
}

function AttendanceList(props: { session: Session; people: Schemas['AttendanceItem'][] }) {
  const { t } = useTranslation('groups');
  const participants = props.people.filter((p) => p.role === 'participant');
  return (
    <section className="card" aria-labelledby="session-attendance-title">
      <h2 id="session-attendance-title">{t('sessionAttendance')}</h2>
      {participants.length === 0 && <p>{t('noAttendanceYet')}</p>}
      <ul className="attendance-people">
        {participants.map((person) => (
          <AttendanceRow key={person.userId} session={props.session} person={person} />
        ))}
      </ul>
    </section>
  );
}

function AttendanceRow(props: { session: Session; person: Schemas['AttendanceItem'] }) {
  const { t } = useTranslation('groups');
  const { person } = props;
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const override = useMutation({
    mutationFn: (body: Schemas['OverrideAttendanceDto']) =>
      ok(
        api.PUT('/api/v1/sessions/{sessionId}/attendance/{userId}', {
          params: { path: { sessionId: props.session.id, userId: person.userId } },
          body,
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      await Promise.all([
        queries.invalidateQueries({ queryKey: keys.sessions.attendance(props.session.id) }),
        // The group's members × sessions matrix counts this person's attendance too.
        queries.invalidateQueries({ queryKey: keys.groups.attendance(props.session.groupId) }),
      ]);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    override.mutate({
      status: String(form.get('status')) as 'present' | 'excused',
      reason: String(form.get('reason')).trim(),
    });
  }
  const name = person.displayName ?? t('formerMember');
  return (
    <li>
      <p>
        <span className="who">{name}</span>{' '}
        <span className={`badge ${person.status}`}>{t(`attendance_${person.status}`)}</span>{' '}
        <span className="hint">{t('minutes', { count: Math.round(person.minutesPresent) })}</span>
      </p>
      {person.override && (
        <p className="hint">
          {t('overridden', {
            computed: t(`attendance_${person.computedStatus}`),
            reason: person.override.reason ?? '',
          })}
        </p>
      )}
      <details>
        <summary>{t('changeAttendance', { name })}</summary>
        <Form onSubmit={submit} aria-label={t('changeAttendance', { name })}>
          <div className="field">
            <label htmlFor={`status-${person.userId}`}>{t('newStatus')}</label>
            <select
              id={`status-${person.userId}`}
              name="status"
              defaultValue={person.override?.status ?? 'excused'}
            >
              <option value="present">{t('attendance_present')}</option>
              <option value="excused">{t('attendance_excused')}</option>
            </select>
          </div>
          <Field name="reason" label={t('reason')} isRequired />
          {override.error && <Problem error={override.error} />}
          {saved && <p role="status">{t('overrideSaved')}</p>}
          <Button type="submit" className="primary" isDisabled={override.isPending}>
            {t('saveAttendance')}
          </Button>
        </Form>
      </details>
    </li>
  );
}
