import './groups.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { useDates } from '../ui/useDates';
import { languageName } from '../ui/languageName';
import { zoneName } from './time';
import * as keys from '../ui/queryKeys';

/** `/groups`: the groups the person facilitates (all of them for managers). */
export default function GroupsList() {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const org = useOrganization();
  const orgId = org?.organizationId ?? '';
  // The next session in the reader's own zone (their profile's), like every other time they read.
  const instants = useDates();
  const groups = useInfiniteQuery({
    queryKey: keys.pages(keys.organizations.groups(orgId)),
    enabled: Boolean(org),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/groups', {
          params: { path: { orgId }, query: { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  if (!org) return <p>{t('staffOnly')}</p>;
  if (groups.isPending) return <p>{common('loading')}</p>;
  if (groups.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const items = groups.data.pages.flatMap((page) => page.items);
  return (
    <section>
      <div className="heading-row">
        <h1>{org.manages ? t('allGroups') : t('myGroups')}</h1>
        <Link className="button compact" to="/groups/new">
          {t('newGroup')}
        </Link>
      </div>
      {items.length === 0 && <p className="card">{t('noGroups')}</p>}
      <ul className="group-list">
        {items.map((group) => (
          <li key={group.id} className="card">
            <h2>
              <Link to={`/groups/${group.id}`}>{group.name}</Link>
            </h2>
            <p className="group-kind">
              <span className={`badge kind-${group.kind}`}>{t(`kind_${group.kind}`)}</span>{' '}
              <span lang={group.language}>{languageName(group.language)}</span>
            </p>
            {group.description && <p className="hint">{group.description}</p>}
            <p>
              {t('weeklyAt', { time: group.startTime, zone: zoneName(group.timezone) })}
              {' · '}
              {t('seats', { enrolled: group.enrolled, capacity: group.capacity })}
              {group.waitlisted > 0 && ` · ${t('waitlistCount', { count: group.waitlisted })}`}
            </p>
            <p className="when">
              {group.nextSessionAt
                ? t('nextSession', { when: instants.full(group.nextSessionAt) })
                : t('seriesOver')}
            </p>
            {group.tags.length > 0 && (
              <ul className="tags" aria-label={t('tags')}>
                {group.tags.map((tag) => (
                  <li key={tag}>{t(`tag_${tag}`, { defaultValue: tag })}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {groups.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void groups.fetchNextPage()}
          disabled={groups.isFetchingNextPage}
        >
          {t('more')}
        </button>
      )}
    </section>
  );
}
