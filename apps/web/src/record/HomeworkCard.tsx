import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { record } from './keys';

/**
 * Home's way to homework, one tap away: how much is left to do. Participants always see it;
 * staff only when a group they belong to as a member gave them some.
 */
export function HomeworkCard() {
  const { t } = useTranslation('record');
  const staff = useOrganization() !== undefined;
  const homework = useQuery({
    queryKey: record.myHomework,
    queryFn: () => ok(api.GET('/api/v1/me/homework')),
  });
  const items = homework.data?.items ?? [];
  if (!homework.isSuccess || (staff && items.length === 0)) return null;
  const toDo = items.filter((h) => !h.completedAt).length;
  return (
    <section className="card" aria-labelledby="home-homework-title">
      <h2 id="home-homework-title">{t('myHomeworkTitle')}</h2>
      <p>
        {items.length === 0
          ? t('homeNone')
          : toDo === 0
            ? t('homeAllDone')
            : t('homeToDo', { count: toDo })}
      </p>
      <Link className="button secondary" to="/homework">
        {t('openMyHomework')}
      </Link>
    </section>
  );
}
