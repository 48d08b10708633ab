import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { OpenInvitations } from '../me/OpenInvitations';
import { StartOrganization } from '../org/StartOrganization';
import { HomeworkCard } from '../record/HomeworkCard';
import { CheckInCard } from '../measures/CheckInCard';
import { JoinRequestsCard } from '../directory/JoinRequestsCard';
import { useNow } from '../ui/clock';
import { useDates } from '../ui/useDates';
import { useSessionName } from '../groups/sessionName';
import { useProfile } from '../profile/useProfile';

/** "2 days 3 hours", "5 minutes": the two largest units, in the page's language. */
function until(ms: number, language: string): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const units: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', Math.floor(minutes / 1440)],
    ['hour', Math.floor((minutes % 1440) / 60)],
    ['minute', minutes % 60],
  ];
  return units
    .filter(([, n]) => n > 0)
    .slice(0, 2)
    .map(([unit, n]) =>
      new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
    )
    .join(' ');
}

function When({ session }: { session: Schemas['UpcomingSessionView'] }) {
  const dates = useDates();
  return <time dateTime={session.startsAt}>{dates.dateTime(session.startsAt)}</time>;
}

function NextSession({ session }: { session: Schemas['UpcomingSessionView'] }) {
  const sessionName = useSessionName();
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  const starts = Date.parse(session.startsAt);
  const opens = Date.parse(session.joinOpensAt);
  const open = now >= opens && now < Date.parse(session.endsAt);
  return (
    <section className="card next" aria-labelledby="next-title">
      <h2 id="next-title">{t('nextSession')}</h2>
      <p className="group">{session.groupName}</p>
      <p>{sessionName(session)}</p>
      <p className="when">
        <When session={session} />
      </p>
      {open ? (
        <Link className="primary button" to={`/sessions/${session.id}/join`}>
          {t('joinNow')}
        </Link>
      ) : (
        <>
          <p className="countdown" role="timer" aria-live="off">
            {t('startsIn', { time: until(starts - now, i18n.resolvedLanguage ?? 'en') })}
          </p>
          <p className="hint">{t('opensIn', { minutes: Math.round((starts - opens) / 60_000) })}</p>
        </>
      )}
    </section>
  );
}

export function Home({ name }: { name: string }) {
  const sessionName = useSessionName();
  const { t } = useTranslation();
  const now = useNow(15_000);
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    // A page left open keeps up: a session that ended gives way to the next one.
    refetchInterval: 60_000,
    queryFn: async () => {
      const { data, error } = await api.GET('/api/v1/me/sessions', {
        params: { query: { limit: 5 } },
      });
      if (error) throw new Error(error.message);
      return data.items;
    },
  });
  const [next, ...later] = (sessions.data ?? []).filter((s) => Date.parse(s.endsAt) > now);
  // "Start an organization" only for someone who belongs to none: known from a fresh profile, and
  // nobody with a session to come (who must belong to one) is asked, even from a stale one.
  const profile = useProfile();
  const belongsNowhere =
    profile.isSuccess &&
    !profile.isFetching &&
    profile.data.memberships.length === 0 &&
    sessions.isSuccess &&
    sessions.data.length === 0;
  return (
    <>
      <h1>{t('hello', { name })}</h1>
      <OpenInvitations />
      {sessions.isPending && <p>{t('loading')}</p>}
      {sessions.isError && <p role="alert">{t('somethingWrong')}</p>}
      {sessions.isSuccess && !next && <p className="card">{t('noSessions')}</p>}
      <CheckInCard />
      {next && <NextSession session={next} />}
      <HomeworkCard />
      <JoinRequestsCard />
      {belongsNowhere && <StartOrganization />}
      {later.length > 0 && (
        <section aria-labelledby="later-title">
          <h2 id="later-title">{t('laterSessions')}</h2>
          <ul className="later">
            {later.map((s) => (
              <li key={s.id}>
                <strong>{s.groupName}</strong> · <span>{sessionName(s)}</span> <When session={s} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
