import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { LobbyPanel } from './LobbyPanel';
import type { RoomEnding } from './Room';

const Room = lazy(() => import('./Room'));

type Step =
  | { kind: 'asking' }
  | { kind: 'waiting' }
  | { kind: 'refused'; message: string }
  | { kind: 'in'; admitted: Schemas['JoinAdmitted'] }
  | { kind: 'over'; ending: RoomEnding };

/** Joining a session: the lobby while a facilitator decides, then the room. */
export function JoinSession() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const [step, setStep] = useState<Step>({ kind: 'asking' });
  const navigate = useNavigate();

  useEffect(() => {
    if (step.kind !== 'asking' && step.kind !== 'waiting') return;
    let cancelled = false;
    const ask = async () => {
      const { data, error } = await api.POST('/api/v1/sessions/{sessionId}/join', {
        params: { path: { sessionId } },
      });
      if (cancelled) return;
      if (error?.code === 'consent_required') {
        // The group agreement comes first; its page brings the person back here after consent.
        const session = await api.GET('/api/v1/sessions/{sessionId}', {
          params: { path: { sessionId } },
        });
        if (cancelled) return;
        if (session.data) {
          const back = encodeURIComponent(`/sessions/${sessionId}/join`);
          void navigate(`/groups/${session.data.groupId}/agreement?return=${back}`, {
            replace: true,
          });
          return;
        }
      }
      if (error) setStep({ kind: 'refused', message: error.message });
      else if (data.status === 'admitted') setStep({ kind: 'in', admitted: data });
      else setStep({ kind: 'waiting' });
    };
    const timer = setTimeout(() => void ask(), step.kind === 'waiting' ? 3_000 : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sessionId, step, navigate]);

  if (step.kind === 'in') {
    return (
      <Suspense fallback={<p>{t('loading')}</p>}>
        <LobbyPanel sessionId={sessionId} />
        <Room
          serverUrl={step.admitted.serverUrl}
          token={step.admitted.token}
          onEnd={(ending) => setStep({ kind: 'over', ending })}
        />
      </Suspense>
    );
  }
  return (
    <section className="card" aria-live="polite">
      {step.kind === 'asking' && <p>{t('loading')}</p>}
      {step.kind === 'waiting' && (
        <>
          <h1>{t('waitingTitle')}</h1>
          <p>{t('waitingText')}</p>
        </>
      )}
      {step.kind === 'refused' && (
        <>
          <h1>{t('cannotJoin')}</h1>
          <p>{step.message}</p>
        </>
      )}
      {step.kind === 'over' && <h1>{t(`ending_${step.ending}`)}</h1>}
      {step.kind !== 'asking' && step.kind !== 'waiting' && <Link to="/">{t('backHome')}</Link>}
    </section>
  );
}
