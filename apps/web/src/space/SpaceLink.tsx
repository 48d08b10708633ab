import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSpaceSummary } from './useSpace';
import './space.css';

/** The way into a group's space from its page, with how many posts are new to the reader. */
export function SpaceLink({ groupId }: { groupId: string }) {
  const { t } = useTranslation('space');
  const space = useSpaceSummary(groupId);
  const unread = space.data?.unreadCount ?? 0;
  const waiting = space.data?.role === 'facilitator' ? space.data.moderationCount : 0;
  return (
    <section className="card space-link" aria-labelledby="space-link-title">
      <h2 id="space-link-title">{t('spaceCardTitle')}</h2>
      <p>{t('spaceCardBody')}</p>
      <Link className="button secondary" to={`/groups/${groupId}/space`}>
        {unread > 0 ? t('spaceLinkUnread', { count: unread }) : t('spaceLink')}
      </Link>
      {waiting > 0 && (
        <p>
          <Link to={`/groups/${groupId}/space/moderation`}>
            {t('waitingCount', { count: waiting })}
          </Link>
        </p>
      )}
    </section>
  );
}
