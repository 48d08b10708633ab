import { useNow } from '../ui/clock';
import {
  type CalendarDate,
  endOfMonth,
  endOfWeek,
  parseAbsolute,
  parseDate,
  parseTime,
  startOfMonth,
  startOfWeek,
  type Time,
  today,
  type ZonedDateTime,
} from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Button,
  Form,
  Radio,
  RadioGroup,
  Label,
  ToggleButton,
  ToggleButtonGroup,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { Field } from '../ui/Field';
import { FormDialog } from '../ui/FormDialog';
import { DateTimeField, TimeInputField } from '../ui/DateFields';
import { groupKey } from './GroupPage';
import { useDates } from '../ui/useDates';
import { zoneName } from './time';
import { sessionsKey, useSessions } from './useSessions';
import { Problem } from '../ui/Problem';
import { useSessionName } from './sessionName';

type Session = Schemas['SessionView'];
type Group = Schemas['GroupDetailView'];

/** The Schedule tab: a week or month calendar in the group's zone, each session's actions, the series time. */
export function ScheduleTab({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const sessions = useSessions(group.id);
  const [anchor, setAnchor] = useState<CalendarDate | null>(null);
  const now = useNow(60_000);
  if (sessions.isPending) return <p>{common('loading')}</p>;
  if (sessions.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const focus = sessions.data.find((s) => Date.parse(s.endsAt) > now) ?? sessions.data[0];
  const shown = anchor ?? (focus ? parseDate(focus.localDate) : today(group.timezone));
  return (
    <div className="schedule">
      <p className="hint">{t('timesIn', { zone: zoneName(group.timezone) })}</p>
      <SessionCalendar sessions={sessions.data} anchor={shown} onAnchor={setAnchor} />
      <h2>{t('sessions')}</h2>
      <ol className="session-list">
        {sessions.data.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            group={group}
            onMoved={(moved) => setAnchor(parseDate(moved.localDate))}
          />
        ))}
      </ol>
      <SeriesForm group={group} sessions={sessions.data} />
    </div>
  );
}

function SessionCalendar(props: {
  sessions: Session[];
  anchor: CalendarDate;
  onAnchor(date: CalendarDate): void;
}) {
  const { t, i18n } = useTranslation('groups');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [view, setView] = useState<'month' | 'week'>('month');
  const { anchor } = props;
  const first =
    view === 'month' ? startOfWeek(startOfMonth(anchor), locale) : startOfWeek(anchor, locale);
  const last = view === 'month' ? endOfWeek(endOfMonth(anchor), locale) : endOfWeek(anchor, locale);
  const days: CalendarDate[] = [];
  for (let day = first; day.compare(last) <= 0; day = day.add({ days: 1 })) days.push(day);
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  const byDate = new Map<string, Session[]>();
  for (const s of props.sessions) byDate.set(s.localDate, [...(byDate.get(s.localDate) ?? []), s]);
  // CalendarDates are zone-less: format them as UTC midnight in UTC.
  const asDate = (d: CalendarDate) => d.toDate('UTC');
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options });
  const title =
    view === 'month'
      ? format({ month: 'long', year: 'numeric' }).format(asDate(anchor))
      : format({ day: 'numeric', month: 'short', year: 'numeric' }).formatRange(
          asDate(first),
          asDate(last),
        );
  const weekday = format({ weekday: 'short' });
  const dayLabel = format({ weekday: 'long', day: 'numeric', month: 'long' });
  const step = view === 'month' ? { months: 1 } : { weeks: 1 };
  return (
    <section className="calendar card" aria-labelledby="calendar-title">
      <div className="calendar-bar">
        <Button className="secondary" onPress={() => props.onAnchor(anchor.subtract(step))}>
          <span aria-hidden="true">‹ </span>
          {view === 'month' ? t('previousMonth') : t('previousWeek')}
        </Button>
        <h2 id="calendar-title" aria-live="polite">
          {title}
        </h2>
        <Button className="secondary" onPress={() => props.onAnchor(anchor.add(step))}>
          {view === 'month' ? t('nextMonth') : t('nextWeek')}
          <span aria-hidden="true"> ›</span>
        </Button>
      </div>
      <ToggleButtonGroup
        aria-label={t('calendarView')}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[view]}
        onSelectionChange={(keys) => setView([...keys][0] as 'month' | 'week')}
        className="view-toggle"
      >
        <ToggleButton id="month">{t('month')}</ToggleButton>
        <ToggleButton id="week">{t('week')}</ToggleButton>
      </ToggleButtonGroup>
      <table className={`month ${view}`}>
        <thead>
          <tr>
            {days.slice(0, 7).map((day) => (
              <th key={day.toString()} scope="col">
                {weekday.format(asDate(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={String(week[0])}>
              {week.map((day) => {
                const here = byDate.get(day.toString()) ?? [];
                const outside = view === 'month' && day.month !== anchor.month;
                return (
                  <td
                    key={day.toString()}
                    data-date={day.toString()}
                    className={outside ? 'outside' : ''}
                  >
                    <span className="day-number" aria-hidden="true">
                      {day.day}
                    </span>
                    <span className="sr-only">{dayLabel.format(asDate(day))}</span>
                    {here.map((s) => (
                      <Link key={s.id} to={`/sessions/${s.id}`} className={`chip ${s.status}`}>
                        <span aria-hidden="true">{s.sequence}</span>
                        <span aria-hidden="true" className="chip-time">
                          {s.localStartTime}
                        </span>
                        <span className="sr-only">
                          {t('chipLabel', {
                            sequence: s.sequence,
                            time: s.localStartTime,
                            status: t(`status_${s.status}`),
                          })}
                        </span>
                      </Link>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend hint">{t('legend')}</p>
    </section>
  );
}

function SessionRow(props: { session: Session; group: Group; onMoved(s: Session): void }) {
  const sessionName = useSessionName();
  const { t } = useTranslation('groups');
  const { session } = props;
  const instants = useDates(props.group.timezone);
  const changeable = session.status === 'scheduled' || session.status === 'open';
  return (
    <li className={`card session ${session.status}`}>
      <h3>
        <Link to={`/sessions/${session.id}`}>{sessionName(session)}</Link>
      </h3>
      <p>
        <span className="when">{instants.full(session.startsAt)}</span>{' '}
        <span className={`badge ${session.status}`}>{t(`status_${session.status}`)}</span>
      </p>
      {session.cancelReason && <p className="hint">{session.cancelReason}</p>}
      {changeable && (
        <div className="actions">
          <MoveDialog session={session} group={props.group} onMoved={props.onMoved} />
          <CancelDialog session={session} group={props.group} />
        </div>
      )}
    </li>
  );
}

function useScheduleChanged(group: Group) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: sessionsKey(group.id) }),
      queries.invalidateQueries({ queryKey: groupKey(group.id) }),
    ]);
}

function MoveDialog(props: { session: Session; group: Group; onMoved(s: Session): void }) {
  const { t } = useTranslation('groups');
  const { session, group } = props;
  const [value, setValue] = useState<ZonedDateTime | null>(
    parseAbsolute(session.startsAt, group.timezone),
  );
  const changed = useScheduleChanged(group);
  const move = useMutation({
    mutationFn: (startsAt: string) =>
      ok(
        api.PATCH('/api/v1/sessions/{sessionId}', {
          params: { path: { sessionId: session.id } },
          body: { startsAt },
        }),
      ),
  });
  return (
    <FormDialog
      onOpenChange={() => move.reset()}
      label={t('move')}
      title={t('moveTitle', { sequence: session.sequence })}
      error={move.error}
      cancel={t('keepIt')}
      submit={t('moveSession')}
      isPending={move.isPending}
      onSubmit={(_event, close) => {
        if (!value) return;
        move.mutate(value.toAbsoluteString(), {
          onSuccess: async (moved) => {
            await changed();
            props.onMoved(moved);
            close();
          },
        });
      }}
    >
      <p className="hint">{t('moveHelp', { zone: zoneName(group.timezone) })}</p>
      <DateTimeField
        label={t('newStart')}
        value={value}
        onChange={setValue}
        granularity="minute"
        hideTimeZone
        isRequired
      />
    </FormDialog>
  );
}

function CancelDialog(props: { session: Session; group: Group }) {
  const { t } = useTranslation('groups');
  const { session, group } = props;
  const changed = useScheduleChanged(group);
  const [shift, setShift] = useState('keep');
  const cancel = useMutation({
    mutationFn: (body: Schemas['CancelSessionDto']) =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/cancel', {
          params: { path: { sessionId: session.id } },
          body,
        }),
      ),
  });
  return (
    <FormDialog
      onOpenChange={() => cancel.reset()}
      className="secondary danger"
      label={t('cancel')}
      role="alertdialog"
      title={
        session.moduleTitle === null
          ? t('cancelMeetingTitle', { sequence: session.sequence })
          : t('cancelTitle', { sequence: session.sequence, title: session.moduleTitle })
      }
      error={cancel.error}
      cancel={t('keepIt')}
      submit={t('confirmCancel')}
      danger
      isPending={cancel.isPending}
      onSubmit={(event, close) => {
        const reason = String(new FormData(event.currentTarget).get('reason')).trim();
        cancel.mutate(
          {
            reason: reason || undefined,
            shiftCurriculum: group.kind === 'curriculum' && shift === 'shift',
          },
          {
            onSuccess: async () => {
              await changed();
              close();
            },
          },
        );
      }}
    >
      {group.kind === 'curriculum' && (
        <RadioGroup value={shift} onChange={setShift} className="choice">
          <Label>{t('curriculumAfterCancel')}</Label>
          <Radio value="keep">{t('keepCurriculum')}</Radio>
          <Radio value="shift">{t('shiftCurriculum')}</Radio>
        </RadioGroup>
      )}
      <Field name="reason" label={t('reason')} help={t('reasonHelp')} />
    </FormDialog>
  );
}

function SeriesForm({ group, sessions }: { group: Group; sessions: Session[] }) {
  const { t } = useTranslation('groups');
  const changed = useScheduleChanged(group);
  const [time, setTime] = useState<Time | null>(parseTime(group.startTime));
  const [done, setDone] = useState(false);
  const instants = useDates(group.timezone);
  const now = useNow(60_000);
  const coming = sessions.filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > now);
  const change = useMutation({
    mutationFn: (body: Schemas['ChangeSeriesDto']) =>
      ok(
        api.PATCH('/api/v1/groups/{groupId}/schedule', {
          params: { path: { groupId: group.id } },
          body,
        }),
      ),
    onSuccess: async () => {
      await changed();
      setDone(true);
    },
  });
  if (coming.length === 0) return null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!time) return;
    const form = new FormData(event.currentTarget);
    setDone(false);
    change.mutate({
      fromSessionId: String(form.get('from')),
      startTime: time.toString().slice(0, 5),
      durationMinutes: Number(form.get('duration')),
    });
  }
  const refusal = change.error instanceof ApiError ? change.error : null;
  return (
    <section className="card" aria-labelledby="series-title">
      <h2 id="series-title">{t('seriesTitle')}</h2>
      <p className="hint">{t('seriesHelp')}</p>
      <Form onSubmit={submit}>
        <div className="field">
          <label htmlFor="series-from">{t('fromSession')}</label>
          <select id="series-from" name="from" defaultValue={coming[0]?.id}>
            {coming.map((s) => (
              <option key={s.id} value={s.id}>
                {t('sessionOption', { sequence: s.sequence, when: instants.shortDate(s.startsAt) })}
              </option>
            ))}
          </select>
        </div>
        <TimeInputField label={t('newStartTime')} value={time} onChange={setTime} isRequired />
        <Field
          name="duration"
          type="number"
          label={t('duration')}
          defaultValue={String(group.durationMinutes)}
          inputMode="numeric"
          isRequired
        />
        {refusal && <Problem error={refusal} />}
        {done && <p role="status">{t('seriesChanged')}</p>}
        <Button type="submit" className="primary" isDisabled={change.isPending}>
          {t('changeSeries')}
        </Button>
      </Form>
    </section>
  );
}
