import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useSessionName } from '../groups/sessionName';
import { useDates } from '../ui/useDates';
import './me.css';

export const MY_GROUPS_KEY = ['me', 'groups'];

function GroupCard({ group }: { group: Schemas['MyGroupView'] }) {
  const { t } = useTranslation('me');
  const when = useDates().dateTime;
  const sessionName = useSessionName();
  const next = group.nextSession;
  return (
    <li className="card me-group-card">
      <h2>
        <Link to={`/groups/${group.groupId}`}>{group.name}</Link>
      </h2>
      <p className={`me-badge ${group.status}`}>
        {group.status === 'active' ? t('statusActive') : t('statusWaitlisted')}
      </p>
      {group.status === 'waitlisted' && <p className="hint">{t('waitlistHint')}</p>}
      {next ? (
        <p>
          {t('nextSessionLine', { name: sessionName(next) })}
          <br />
          <time className="when" dateTime={next.startsAt}>
            {when(next.startsAt)}
          </time>
        </p>
      ) : (
        <p>{t('seriesDone')}</p>
      )}
    </li>
  );
}

/** `/my-groups`: the groups the person has a place in or waits for, with what comes next. */
export default function MyGroups() {
  const { t } = useTranslation('me');
  const { t: common } = useTranslation();
  const groups = useQuery({
    queryKey: MY_GROUPS_KEY,
    queryFn: () => ok(api.GET('/api/v1/me/groups')),
  });
  return (
    <>
      <h1>{t('myGroupsTitle')}</h1>
      {groups.isPending && <p>{common('loading')}</p>}
      {groups.isError && <p role="alert">{common('somethingWrong')}</p>}
      {groups.data?.items.length === 0 && <p className="card">{t('myGroupsEmpty')}</p>}
      {!!groups.data?.items.length && (
        <ul className="me-list">
          {groups.data.items.map((group) => (
            <GroupCard key={group.groupId} group={group} />
          ))}
        </ul>
      )}
    </>
  );
}
