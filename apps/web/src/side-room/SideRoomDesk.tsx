import './side-room.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { Problem } from '../ui/Problem';
import * as keys from '../ui/queryKeys';
import { Incidents } from './Incidents';
import { sideRoomKeys } from './keys';

type Session = Schemas['SessionView'];

/**
 * On the facilitator's session page: a private room with any member while the session runs,
 * and the session's incident record.
 */
export function SideRoomDesk({ session }: { session: Session }) {
  return (
    <div className="side-room-desk">
      <PrivateRooms session={session} />
      <Incidents session={session} />
    </div>
  );
}

function PrivateRooms({ session }: { session: Session }) {
  const { t } = useTranslation('sideRoom');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const over = session.status === 'ended' || session.status === 'cancelled';
  const roster = useQuery({
    queryKey: keys.groups.enrollments(session.groupId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/groups/{groupId}/enrollments', {
          params: { path: { groupId: session.groupId }, query: { limit: 200 } },
        }),
      ).then((page) => page.items),
  });
  const rooms = useQuery({
    queryKey: sideRoomKeys.forSession(session.id),
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/side-rooms', {
          params: { path: { sessionId: session.id } },
        }),
      ),
    refetchInterval: over ? false : 5_000,
  });
  const open = useMutation({
    mutationFn: (userId: string) =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/side-rooms', {
          params: { path: { sessionId: session.id } },
          body: { userId },
        }),
      ),
    onSuccess: (admission) => void navigate(`/side-rooms/${admission.sideRoomId}`),
  });
  if (over) return null;
  const members = roster.data?.filter((e) => e.status === 'active') ?? [];
  const latest = (userId: string) => rooms.data?.items.find((r) => r.userId === userId);
  return (
    <section className="card private-rooms" aria-labelledby="private-rooms-title">
      <h2 id="private-rooms-title">{t('privateRoomsTitle')}</h2>
      <p className="hint">{t('privateRoomsHelp')}</p>
      {roster.isPending && <p>{common('loading')}</p>}
      {roster.isError && <Problem error={roster.error} />}
      {roster.data && members.length === 0 && <p>{t('noActiveMembers')}</p>}
      <ul className="private-room-list">
        {members.map((member) => {
          const room = latest(member.userId);
          return (
            <li key={member.userId}>
              <span>{member.displayName}</span>
              {room && <span className={`badge ${room.status}`}>{t(`status_${room.status}`)}</span>}
              <button
                type="button"
                className="secondary"
                disabled={open.isPending}
                aria-label={t('privateRoomWith', { name: member.displayName })}
                onClick={() => open.mutate(member.userId)}
              >
                {t('privateRoomsTitle')}
              </button>
            </li>
          );
        })}
      </ul>
      {open.isError && <Problem error={open.error} />}
    </section>
  );
}
