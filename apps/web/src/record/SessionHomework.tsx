import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { whoIs } from '../measures/whoIs';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { record } from './keys';

/**
 * A session's homework as its facilitators see it: the module's tasks, and who has done them
 * with their reflections (read only here). Each read is audited: no refetch on focus.
 */
export function SessionHomework(props: { sessionId: string; title: string; timeZone: string }) {
  const { t } = useTranslation('record');
  const { t: common } = useTranslation();
  const dates = useDates(props.timeZone);
  const homework = useQuery({
    queryKey: record.sessionHomework(props.sessionId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/homework', {
          params: { path: { sessionId: props.sessionId } },
        }),
      ),
    refetchOnWindowFocus: false,
  });
  const titleId = `record-homework-${props.sessionId}`;
  const data = homework.data;
  const tasks = data?.text.split('\n').filter((line) => line.trim()) ?? [];
  return (
    <section className="card record-homework" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      {homework.isPending && <p>{common('loading')}</p>}
      {homework.isError && <Problem error={homework.error} />}
      {data && tasks.length === 0 && <p>{t('noHomework')}</p>}
      {data && tasks.length > 0 && (
        <>
          <ul className="record-tasks">
            {tasks.map((task, i) => (
              <li key={i}>{task}</li>
            ))}
          </ul>
          {data.assigned ? (
            <p>
              <strong>
                {t('doneCount', { completed: data.completed, total: data.members.length })}
              </strong>{' '}
              <span className="hint">{t('dueAt', { date: dates.dateTime(data.dueAt) })}</span>
            </p>
          ) : (
            <p className="hint">{t('notAssignedYet', { date: dates.dateTime(data.dueAt) })}</p>
          )}
          {data.assigned && (
            <ul className="record-completions">
              {data.members.map((m) => {
                const name = m.displayName ? whoIs(m) : t('formerMember');
                return (
                  <li key={m.userId}>
                    <p className="record-who">
                      <span className="who">{name}</span>{' '}
                      {m.completedAt ? (
                        <span className="badge">
                          {t('doneOn', { date: dates.shortDate(m.completedAt) })}
                        </span>
                      ) : (
                        <span className="badge record-not-yet">{t('notYet')}</span>
                      )}
                    </p>
                    {m.reflection && (
                      <figure className="record-reflection">
                        <figcaption className="hint">{t('reflectionOf', { name })}</figcaption>
                        <blockquote className="record-text">{m.reflection}</blockquote>
                      </figure>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
