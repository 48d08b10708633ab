import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button, Switch } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useSessionName } from '../groups/sessionName';
import { useProfile } from '../profile/useProfile';
import { useErrorText } from '../ui/errors';
import { isUuid } from '../ui/ids';
import './join.css';
import { LobbyPanel } from './LobbyPanel';
import { SideRoomInvitation } from '../side-room/SideRoomInvitation';
import type { MediaChoices, RoomEnding } from './Room';
import * as keys from '../ui/queryKeys';

/** How often the lobby asks whether the person is in yet, and how soon after a network blip. */
const POLL_MS = 3_000;
const RETRY_MS = 4_000;

const Room = lazy(() => import('./Room'));
const CameraPreview = lazy(() => import('./CameraPreview'));

type Step =
  | { kind: 'ready' }
  | { kind: 'asking' }
  | { kind: 'waiting' }
  | { kind: 'refused'; message: string }
  | { kind: 'in'; admitted: Schemas['JoinAdmitted'] }
  | { kind: 'over'; ending: RoomEnding };

/** Endings a person may undo from here; the others are final for this session. */
const RETRY: Partial<Record<RoomEnding, string>> = {
  left: 'joinAgain',
  elsewhere: 'joinHereAgain',
  lost: 'tryAgain',
};

/** The news a screen reader should read first: the heading takes focus when it appears. */
function News({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [children]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

/**
 * Joining a session from its link: ready to join (alias, camera check), the lobby while a
 * facilitator decides, the room, and plain words for however it ends.
 */
export function JoinSession() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  if (!isUuid(sessionId)) {
    return (
      <section className="card">
        <News>{t('cannotJoin')}</News>
        <p>{t('invalidLink')}</p>
      </section>
    );
  }
  return <Joining sessionId={sessionId} />;
}

function Joining({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const sessionName = useSessionName();
  const navigate = useNavigate();
  const alias = useProfile().data?.displayName;
  // Back from consenting to the agreement, the person has already chosen to join.
  const consented = (useLocation().state as { consented?: boolean } | null)?.consented;
  const [step, setStep] = useState<Step>({ kind: consented ? 'asking' : 'ready' });
  const [media, setMedia] = useState<MediaChoices>({ audio: true, video: true });
  const session = useQuery({
    queryKey: keys.sessions.one(sessionId),
    queryFn: () => ok(api.GET('/api/v1/sessions/{sessionId}', { params: { path: { sessionId } } })),
  });
  // Read when consent is needed; held in a ref so the session's arrival does not ask to join again.
  const groupId = useRef<string | undefined>(undefined);
  useEffect(() => {
    groupId.current = session.data?.groupId;
  }, [session.data?.groupId]);
  const [offline, setOffline] = useState(false);
  const errorText = useErrorText();

  useEffect(() => {
    if (step.kind !== 'asking' && step.kind !== 'waiting') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      let answer;
      try {
        answer = await api.POST('/api/v1/sessions/{sessionId}/join', {
          params: { path: { sessionId } },
        });
      } catch {
        // A network blip (the phone changed networks, say): keep the place and ask again soon.
        if (cancelled) return;
        setOffline(true);
        timer = setTimeout(() => void ask(), RETRY_MS);
        return;
      }
      if (cancelled) return;
      setOffline(false);
      const { data, error } = answer;
      if (error?.code === 'removed_from_session') setStep({ kind: 'over', ending: 'removed' });
      else if (error?.code === 'consent_required') {
        // The group agreement comes first; its page brings the person back here after consent.
        const group = groupId.current ?? (await session.refetch()).data?.groupId;
        const back = encodeURIComponent(`/sessions/${sessionId}/join`);
        if (!cancelled)
          void navigate(`/groups/${group}/agreement?return=${back}`, { replace: true });
      } else if (error) setStep({ kind: 'refused', message: errorText(error) });
      else if (data.status === 'admitted') setStep({ kind: 'in', admitted: data });
      else setStep({ kind: 'waiting' });
    };
    timer = setTimeout(() => void ask(), step.kind === 'waiting' ? POLL_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `session` and `errorText` are read when an answer comes, not reasons to ask again.
  }, [sessionId, step, navigate]);

  if (step.kind === 'in') {
    return (
      <Suspense fallback={<p>{t('loading')}</p>}>
        <LobbyPanel sessionId={sessionId} />
        <SideRoomInvitation sessionId={sessionId} />
        <Room
          serverUrl={step.admitted.serverUrl}
          token={step.admitted.token}
          media={media}
          chat={{
            sessionId,
            enabled: step.admitted.chat,
            facilitator: step.admitted.role === 'facilitator',
          }}
          onEnd={(ending) => setStep({ kind: 'over', ending })}
        />
      </Suspense>
    );
  }
  const retry = step.kind === 'over' ? RETRY[step.ending] : undefined;
  return (
    <section className="card join" aria-live="polite">
      {step.kind === 'ready' && (
        <>
          <News>{t('readyTitle')}</News>
          {session.data && <p>{sessionName(session.data)}</p>}
          {alias && <p>{t('readyAlias', { alias })}</p>}
          {media.video && (
            <Suspense fallback={null}>
              <CameraPreview />
            </Suspense>
          )}
          <Switch isSelected={media.video} onChange={(video) => setMedia({ ...media, video })}>
            <div className="indicator" /> {t('startWithCamera')}
          </Switch>
          <Switch isSelected={media.audio} onChange={(audio) => setMedia({ ...media, audio })}>
            <div className="indicator" /> {t('startWithMicrophone')}
          </Switch>
          <Button className="primary button" onPress={() => setStep({ kind: 'asking' })}>
            {t('joinNow')}
          </Button>
        </>
      )}
      {step.kind === 'asking' && <p>{t('loading')}</p>}
      {offline && <p role="status">{t('reconnecting')}</p>}
      {step.kind === 'waiting' && (
        <>
          <News>{t('waitingTitle')}</News>
          <p>{t('waitingText')}</p>
        </>
      )}
      {step.kind === 'refused' && (
        <>
          <News>{t('cannotJoin')}</News>
          <p>{step.message}</p>
        </>
      )}
      {step.kind === 'over' && (
        <>
          <News>{t(`ending_${step.ending}`)}</News>
          <p>{t(`endingText_${step.ending}`)}</p>
          {retry && (
            <Button className="primary button" onPress={() => setStep({ kind: 'ready' })}>
              {t(retry)}
            </Button>
          )}
        </>
      )}
      {step.kind !== 'asking' && step.kind !== 'waiting' && step.kind !== 'ready' && (
        <Link to="/">{t('backHome')}</Link>
      )}
    </section>
  );
}

/** `/join/#session=<id>`, the address of e-mails sent before the web app: the same page. */
export function OldJoinLink() {
  const sessionId = new URLSearchParams(location.hash.slice(1)).get('session') ?? '';
  return <Navigate replace to={`/sessions/${encodeURIComponent(sessionId)}/join`} />;
}
