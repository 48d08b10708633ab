import './webinars.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { useDates } from '../ui/useDates';
import * as keys from '../ui/queryKeys';

/** `/webinars`: the organization's webinars for its staff, the latest first. */
export default function WebinarList() {
  const { t } = useTranslation('webinars');
  const organization = useOrganization();
  const dates = useDates();
  const orgId = organization?.organizationId ?? '';
  const list = useInfiniteQuery({
    queryKey: keys.pages(keys.organizations.webinars(orgId)),
    enabled: !!organization,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/webinars', {
          params: { path: { orgId }, query: { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  if (!organization) return <p>{t('staffOnly')}</p>;
  if (list.isPending) return <p>{t('loading', { ns: 'translation' })}</p>;
  if (list.isError) return <p role="alert">{t('somethingWrong', { ns: 'translation' })}</p>;
  const webinars = list.data.pages.flatMap((page) => page.items);
  return (
    <>
      <h1>{t('listTitle')}</h1>
      <p>
        <Link className="button" to="/webinars/new">
          {t('newWebinar')}
        </Link>
      </p>
      {webinars.length === 0 && <p className="hint">{t('noWebinars')}</p>}
      <ul className="webinar-list" aria-label={t('listTitle')}>
        {webinars.map((webinar) => (
          <li key={webinar.id} className="card">
            <h2>
              <Link to={`/webinars/${webinar.id}/host`}>{webinar.title}</Link>
            </h2>
            <p className="when">
              <time dateTime={webinar.startsAt}>{dates.start(webinar.startsAt)}</time>
            </p>
            <p className="hint">
              {t('duration', { count: webinar.durationMinutes })} ·{' '}
              {t('registeredOf', { count: webinar.registered, capacity: webinar.capacity })}
            </p>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('showMore')}
        </button>
      )}
    </>
  );
}
