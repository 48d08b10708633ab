import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { languageName } from '../ui/languageName';
import { useDates } from '../ui/useDates';

type Listed = Schemas['DirectoryGroupView'];

/** The weekday of the next meeting in the reader's zone (the group's zone may differ by a day). */
function useWeekday(): (instant: string) => string {
  const { i18n } = useTranslation();
  const zone = useReaderZone();
  return (instant) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { weekday: 'long', timeZone: zone }).format(
      new Date(instant),
    );
}

/** The reader's own zone: the one the directory shows times in. */
export function useReaderZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What a group is, when it meets and whether a place is free: never who is in it. */
export function GroupFacts({ group, all = false }: { group: Listed; all?: boolean }) {
  const { t, i18n } = useTranslation('directory');
  // Suggested tags read as on the groups screens (one translation, in 'groups'); others as written.
  const { t: groups } = useTranslation('groups');
  const dates = useDates(useReaderZone());
  const weekday = useWeekday();
  const { schedule } = group;
  const next = all ? schedule.nextSessions : schedule.nextSessions.slice(0, 1);
  return (
    <>
      <p className="directory-facts">
        <span className="badge">{t(`kind_${group.kind}`)}</span>{' '}
        <span className="badge">
          {t('inLanguage', { language: languageName(group.language, i18n.resolvedLanguage) })}
        </span>
      </p>
      {group.tags.length > 0 && (
        <ul className="directory-tags" aria-label={t('tags')}>
          {group.tags.map((tag) => (
            <li key={tag}>{groups(`tag_${tag}`, { defaultValue: tag })}</li>
          ))}
        </ul>
      )}
      {next[0] && (
        <p>{t('weekly', { weekday: weekday(next[0]), minutes: schedule.durationMinutes })}</p>
      )}
      {/* The group's own page already says a support group goes on ("join any week"). */}
      {!(all && schedule.openEnded && group.kind === 'support') && (
        <p className="directory-span">
          {schedule.openEnded
            ? t('openEnded')
            : t('sessionsLeft', { count: schedule.sessionsLeft ?? 0 })}
        </p>
      )}
      <p className="hint">{t('nextSessions')}:</p>
      <ul className="directory-next">
        {next.map((start) => (
          <li key={start}>
            <time dateTime={start}>{dates.start(start)}</time>
          </li>
        ))}
      </ul>
      <p className={group.full ? 'directory-full' : 'directory-seats'}>
        {group.full ? t('waitlist') : t('seatsLeft', { count: group.seatsLeft })}
      </p>
    </>
  );
}

export function GroupCard({ orgId, group }: { orgId: string; group: Listed }) {
  const { t } = useTranslation('directory');
  return (
    <li className="card directory-card">
      <h2>
        <Link to={`/o/${orgId}/groups/${group.id}`} aria-label={t('details', { name: group.name })}>
          {group.name}
        </Link>
      </h2>
      <GroupFacts group={group} />
    </li>
  );
}
