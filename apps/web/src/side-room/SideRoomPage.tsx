import './side-room.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import type { RoomEnding } from '../room/Room';
import { isUuid } from '../ui/ids';
import { Problem } from '../ui/Problem';
import { sideRoomKeys } from './keys';
import { whoIs } from '../measures/whoIs';

const Room = lazy(() => import('../room/Room'));

type Admission = Schemas['SideRoomAdmission'];

/**
 * `/side-rooms/:sideRoomId`: the private room for a facilitator and one member, in the same
 * room view as the session (LiveKit's components). The facilitator sees whether the member
 * accepted and closes it; both go back to the session room after.
 */
export default function SideRoomPage() {
  const { sideRoomId = '' } = useParams();
  const { t } = useTranslation('sideRoom');
  if (!isUuid(sideRoomId)) return <p role="alert">{t('cannotEnter')}</p>;
  return <SideRoom key={sideRoomId} sideRoomId={sideRoomId} />;
}

function SideRoom({ sideRoomId }: { sideRoomId: string }) {
  const { t } = useTranslation('sideRoom');
  const { t: common } = useTranslation();
  const [ending, setEnding] = useState<RoomEnding>();
  const [attempt, setAttempt] = useState(0);
  const join = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/side-rooms/{sideRoomId}/join', { params: { path: { sideRoomId } } })),
  });
  const { mutate } = join;
  useEffect(() => mutate(), [mutate, attempt]);
  const admission = join.data;
  if (join.isError) {
    return (
      <section className="card side-room-page">
        <h1>{t('sideRoomTitle')}</h1>
        <Problem error={join.error} />
        <Link to="/">{common('backHome')}</Link>
      </section>
    );
  }
  if (!admission) return <p>{common('loading')}</p>;
  if (ending) {
    return (
      <section className="card side-room-page" aria-live="polite">
        <h1>{t('sideRoomTitle')}</h1>
        <p>{ending === 'left' ? t('leftRoom') : t('closed')}</p>
        {ending === 'left' && (
          <Button
            className="primary button"
            onPress={() => {
              setEnding(undefined);
              setAttempt((n) => n + 1);
            }}
          >
            {t('rejoin')}
          </Button>
        )}
        <p>
          <Link to={`/sessions/${admission.sessionId}/join`}>{t('backToSession')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="side-room-page">
      <h1 className="sr-only">{t('sideRoomTitle')}</h1>
      <FacilitatorBar admission={admission} />
      <Suspense fallback={<p>{common('loading')}</p>}>
        <Room
          key={admission.token}
          serverUrl={admission.serverUrl}
          token={admission.token}
          media={{ audio: true, video: true }}
          onEnd={setEnding}
        />
      </Suspense>
    </section>
  );
}

/** For the facilitator who opened it: whether the member accepted, and closing it. */
function FacilitatorBar({ admission }: { admission: Admission }) {
  const { t } = useTranslation('sideRoom');
  const rooms = useQuery({
    queryKey: sideRoomKeys.forSession(admission.sessionId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/sessions/{sessionId}/side-rooms', {
          params: { path: { sessionId: admission.sessionId } },
        }),
      ),
    // A member never reads this list (the api answers them 403): then this bar stays empty.
    refetchInterval: (query) => (query.state.error ? false : 3_000),
    retry: false,
  });
  const close = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/side-rooms/{sideRoomId}/close', {
          params: { path: { sideRoomId: admission.sideRoomId } },
        }),
      ),
  });
  const room = rooms.data?.items.find((r) => r.id === admission.sideRoomId);
  if (!room) return null;
  const name = whoIs(room);
  return (
    <div className="card status" role="status">
      <p>
        {room.status === 'invited' && t('waitingFor', { name })}
        {room.status === 'joined' && t('theyJoined', { name })}
        {room.status === 'declined' && t('theyDeclined', { name })}
        {room.status === 'closed' && t('closed')}
      </p>
      <Button className="secondary danger" onPress={() => close.mutate()}>
        {t('closeRoom')}
      </Button>{' '}
      <Link to={`/sessions/${admission.sessionId}`}>{t('backToSessionPage')}</Link>
      {close.isError && <Problem error={close.error} />}
    </div>
  );
}
