import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useAuth } from '../auth/useAuth';
import { SessionResources } from '../resources/SessionResources';
import { SpaceLink } from '../space/SpaceLink';
import { useDates } from '../ui/useDates';
import { useAgreement } from './useAgreement';
import './me.css';
import { useSessionName } from '../groups/sessionName';

function AgreementState({ groupId }: { groupId: string }) {
  const { t } = useTranslation('me');
  const day = useDates().date;
  const state = useAgreement(groupId);
  if (!state.data) return null;
  const { agreement, consentRequired, consentedAt } = state.data;
  if (!agreement) return <p className="card">{t('agreementNone')}</p>;
  const to = `/groups/${groupId}/agreement`;
  return consentRequired ? (
    <section className="notice" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('agreementTitle')}</h2>
      <p>{t('agreementNeeded')}</p>
      <Link className="primary button" to={to}>
        {t('readAgreement')}
      </Link>
    </section>
  ) : (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('agreementTitle')}</h2>
      <p>{consentedAt && t('agreementGiven', { date: day(consentedAt) })}</p>
      <Link to={to}>{t('readAgreementAgain')}</Link>
    </section>
  );
}

function List({ items, label }: { items: string[]; label: string }) {
  const { t } = useTranslation('me');
  return (
    <>
      <h3>{label}</h3>
      {items.length ? (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('nothingHere')}</p>
      )}
    </>
  );
}

/** Only web addresses become links; anything else in a material is shown as text. */
const safeUrl = (url?: string) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function Materials({ materials }: { materials: Schemas['MaterialView'][] }) {
  const { t } = useTranslation('me');
  return (
    <>
      <h3>{t('materials')}</h3>
      {materials.length ? (
        <ul className="me-materials">
          {materials.map((m, i) => (
            <li key={i}>
              <strong>{m.title}</strong>
              {m.text && <p>{m.text}</p>}
              {safeUrl(m.url) && (
                <a href={safeUrl(m.url)} target="_blank" rel="noopener noreferrer">
                  {t('openMaterial', { title: m.title })}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('nothingHere')}</p>
      )}
    </>
  );
}

function ThisWeek({ groupId }: { groupId: string }) {
  const sessionName = useSessionName();
  const { t } = useTranslation('me');
  const { t: common } = useTranslation();
  const when = useDates().dateTime;
  const week = useQuery({
    queryKey: ['groups', groupId, 'current-module'],
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/current-module', { params: { path: { groupId } } })),
  });
  if (week.isPending) return <p>{common('loading')}</p>;
  if (week.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const { session, module } = week.data;
  return (
    <section className="card me-week" aria-labelledby="week-title">
      <h2 id="week-title">{t('thisWeek')}</h2>
      <p className="me-session-name">{sessionName(session)}</p>
      <p className="when">
        <time dateTime={session.startsAt}>{when(session.startsAt)}</time>
      </p>
      {session.status === 'cancelled' && <p className="problem">{t('sessionCancelled')}</p>}
      {module && (
        <>
          <List items={module.goals} label={t('goals')} />
          <Materials materials={module.materials} />
          <List items={module.homework} label={t('homework')} />
        </>
      )}
      <SessionResources sessionId={session.id} nested />
    </section>
  );
}

function Members({ groupId }: { groupId: string }) {
  const { t } = useTranslation('me');
  const { t: common } = useTranslation();
  const auth = useAuth();
  const me = auth.status === 'signedIn' ? auth.user.id : '';
  const members = useInfiniteQuery({
    queryKey: ['groups', groupId, 'members'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/groups/{groupId}/members', {
          params: { path: { groupId }, query: { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  const people = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('membersTitle')}</h2>
      <p className="hint">{t('membersHint')}</p>
      {members.isPending && <p>{common('loading')}</p>}
      {members.isError && <p role="alert">{common('somethingWrong')}</p>}
      {members.isSuccess && people.length === 0 && <p>{t('membersEmpty')}</p>}
      <ul className="me-aliases">
        {people.map((person) => (
          <li key={person.userId}>
            {person.userId === me ? t('you', { name: person.displayName }) : person.displayName}
          </li>
        ))}
      </ul>
      {members.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void members.fetchNextPage()}
          disabled={members.isFetchingNextPage}
        >
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

/** The members' view of `/groups/:groupId`: the agreement, this week's module, and who is in it. */
export default function MemberGroup({ group }: { group: Schemas['GroupDetailView'] }) {
  return (
    <div className="me-member">
      <h1>{group.name}</h1>
      <AgreementState groupId={group.id} />
      <SpaceLink groupId={group.id} />
      <ThisWeek groupId={group.id} />
      <Members groupId={group.id} />
    </div>
  );
}
