import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import * as keys from '../ui/queryKeys';
import { isUuid } from '../ui/ids';
import { Feed } from './Feed';
import { Moderation, ModerationLog } from './Moderation';
import { spaceKeys, useSpaceSummary } from './useSpace';
import { useSpaceStream } from './useSpaceStream';
import './space.css';

const SECTIONS = ['moderation', 'log'] as const;
type Section = (typeof SECTIONS)[number] | undefined;

/**
 * New posts by others, said once to screen readers (politely, after what they are reading): the
 * count adds up while posts keep coming, and the words clear a while after.
 */
function useAnnouncer() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (count === 0) return;
    const timer = setTimeout(() => setCount(0), 8_000);
    return () => clearTimeout(timer);
  }, [count]);
  const announce = useCallback((more: number) => setCount((n) => n + more), []);
  return { count, announce };
}

/** `/groups/:groupId/space[/moderation|/log]`: the group's space between sessions. */
export default function GroupSpace() {
  const { groupId = '', section: path } = useParams();
  const [search] = useSearchParams();
  // The facilitators' notice links to `?tab=moderation`.
  const section = path ?? search.get('tab') ?? undefined;
  const { t } = useTranslation('space');
  if (!isUuid(groupId) || (section && !(SECTIONS as readonly string[]).includes(section))) {
    return <p role="alert">{t('noSuchSpace')}</p>;
  }
  return <Space groupId={groupId} section={section as Section} />;
}

function Space({ groupId, section }: { groupId: string; section: Section }) {
  const { t } = useTranslation('space');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const space = useSpaceSummary(groupId);
  const group = useQuery({
    queryKey: keys.groups.one(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}', { params: { path: { groupId } } })),
  });
  const { count, announce } = useAnnouncer();
  const { live } = useSpaceStream(groupId, announce);
  const onMuted = useCallback(
    () => void queries.invalidateQueries({ queryKey: spaceKeys.summary(groupId) }),
    [queries, groupId],
  );

  if (space.isError) {
    const missing = space.error instanceof ApiError && space.error.status === 404;
    return <p role="alert">{missing ? t('noSuchSpace') : common('somethingWrong')}</p>;
  }
  if (!space.data) return <p>{common('loading')}</p>;
  const facilitator = space.data.role === 'facilitator';
  const waiting = space.data.moderationCount;
  return (
    <section className="group-space">
      <p className="crumb">
        <Link to={`/groups/${groupId}`}>{t('backToGroup')}</Link>
      </p>
      <h1>
        {t('spaceTitle')}
        {group.data && <span className="space-group-name">{group.data.name}</span>}
      </h1>
      <p className="hint">{t('spaceIntro')}</p>
      <p role="status" className="sr-only">
        {count > 0 ? t('announceNew', { count }) : ''}
      </p>
      {!live && <p className="hint space-offline">{t('reconnecting')}</p>}
      {facilitator && (
        <nav className="space-tabs" aria-label={t('sections')}>
          <NavLink to={`/groups/${groupId}/space`} end>
            {t('tabPosts')}
          </NavLink>
          <NavLink to={`/groups/${groupId}/space/moderation`}>
            {waiting > 0 ? t('tabModerationCount', { count: waiting }) : t('tabModeration')}
          </NavLink>
          <NavLink to={`/groups/${groupId}/space/log`}>{t('tabLog')}</NavLink>
        </nav>
      )}
      {facilitator && section === 'moderation' ? (
        <Moderation groupId={groupId} onMuted={onMuted} />
      ) : facilitator && section === 'log' ? (
        <ModerationLog groupId={groupId} />
      ) : (
        <Feed groupId={groupId} space={space.data} onMuted={onMuted} />
      )}
    </section>
  );
}
