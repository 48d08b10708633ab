import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useDates } from '../ui/useDates';
import './me.css';

const NOTIFICATIONS_KEY = ['me', 'notifications'];

/** A path inside the app: one leading `/`, never `//` or `/\` (another host to a browser). */
const isAppPath = (link: string) => /^\/(?![/\\])/.test(link);

function Item({
  notification,
  onRead,
  busy,
}: {
  notification: Schemas['NotificationView'];
  onRead: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation('me');
  const when = useDates().dateTime;
  const { title, body, createdAt, read, kind, sessionId, link } = notification;
  return (
    <li className={`card me-notification${read ? '' : ' me-unread'}`}>
      <h2>
        {!read && <span className="me-badge new">{t('newBadge')}</span>}{' '}
        {/* Where it leads in the app (the api keeps only paths inside it): the title goes there. */}
        {link && isAppPath(link) ? (
          <Link to={link} onClick={read ? undefined : onRead}>
            {title}
          </Link>
        ) : (
          title
        )}
      </h2>
      <p>{body}</p>
      <p className="hint">
        <time dateTime={createdAt}>{when(createdAt)}</time>
      </p>
      {/* A facilitator's alert says only "open the session": the link is how. */}
      {kind === 'risk_alert' && sessionId && (
        <p>
          <Link to={`/sessions/${sessionId}`}>{t('openSession')}</Link>
        </p>
      )}
      {!read && (
        <button
          type="button"
          className="secondary"
          onClick={onRead}
          disabled={busy}
          aria-label={t('markReadWhich', { title })}
        >
          {t('markRead')}
        </button>
      )}
    </li>
  );
}

/** `/notifications`: reminders and changes to the person's sessions, the newest first. */
export default function Notifications() {
  const { t } = useTranslation('me');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: NOTIFICATIONS_KEY,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/me/notifications', { params: { query: { cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor,
  });
  const markRead = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const notificationId of ids) {
        await ok(
          api.POST('/api/v1/me/notifications/{notificationId}/read', {
            params: { path: { notificationId } },
          }),
        );
      }
    },
    onSettled: () => queries.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });

  if (list.isPending) return <p>{common('loading')}</p>;
  if (list.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const items = list.data.pages.flatMap((page) => page.items);
  const unread = list.data.pages[0]?.unreadCount ?? 0;
  const unreadHere = items.filter((n) => !n.read).map((n) => n.id);
  return (
    <>
      <h1>{t('notificationsTitle')}</h1>
      <div className="me-notifications-head">
        <p role="status">{unread ? t('unreadCount', { count: unread }) : t('allRead')}</p>
        {unreadHere.length > 1 && (
          <button
            type="button"
            className="secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(unreadHere)}
          >
            {t('markAllRead')}
          </button>
        )}
      </div>
      {markRead.isError && (
        <p role="alert" className="problem">
          {common('somethingWrong')}
        </p>
      )}
      {items.length === 0 ? (
        <p className="card">{t('notificationsEmpty')}</p>
      ) : (
        <ul className="me-list">
          {items.map((notification) => (
            <Item
              key={notification.id}
              notification={notification}
              busy={markRead.isPending}
              onRead={() => markRead.mutate([notification.id])}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {t('showOlder')}
        </button>
      )}
    </>
  );
}
