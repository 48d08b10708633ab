import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useErrorText } from '../ui/errors';
import { withKey } from './access';

// LiveKit's client and components load only once someone chooses to watch.
const WebinarStage = lazy(() => import('./WebinarStage'));

type Step =
  | { kind: 'idle' }
  | { kind: 'joining'; attempt: number }
  | { kind: 'in'; grant: Schemas['WebinarJoinGrant']; attempt: number }
  | { kind: 'waiting'; attempt: number; reason: 'notOpen' | 'unreachable' }
  | { kind: 'refused'; message: string }
  | { kind: 'over' };

/** Waits longer after each failed try, up to 30 s, with jitter so an audience does not stampede. */
const backoff = (attempt: number) =>
  Math.min(3_000 * 2 ** attempt, 30_000) * (0.75 + Math.random() / 2);

/**
 * Watching (attendees and speakers, with their key) or joining as a host (signed in): asks the
 * api for a LiveKit token, then shows the room. The audience may come before a host opens the
 * room (LiveKit refuses a room nobody opened), so until then it keeps trying, backing off.
 */
export function Watch(props: { webinarId: string; accessKey?: string; onKeyRefused?(): void }) {
  const { t } = useTranslation('webinars');
  const { webinarId, accessKey, onKeyRefused } = props;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const errorText = useErrorText();
  // The parent passes a fresh callback each render, and the words change with the language:
  // neither is a reason to ask the api again, so the effect reads them from a ref.
  const latest = useRef({ onKeyRefused, errorText, t });
  useEffect(() => {
    latest.current = { onKeyRefused, errorText, t };
  });

  useEffect(() => {
    if (step.kind !== 'joining' && step.kind !== 'waiting') return;
    let cancelled = false;
    const join = async (attempt: number) => {
      try {
        const grant = await ok(
          api.POST('/api/v1/webinars/{webinarId}/join', {
            params: { path: { webinarId } },
            ...(accessKey ? withKey(accessKey) : {}),
          }),
        );
        if (!cancelled) setStep({ kind: 'in', grant, attempt });
      } catch (error) {
        if (cancelled) return;
        const { onKeyRefused, errorText, t } = latest.current;
        if (error instanceof ApiError && error.code === 'invalid_access_key') onKeyRefused?.();
        else if (error instanceof ApiError && error.code === 'join_window_closed')
          setStep({ kind: 'refused', message: t('windowClosed') });
        else if (error instanceof ApiError && error.status < 500)
          setStep({ kind: 'refused', message: errorText(error) });
        else setStep({ kind: 'waiting', attempt: attempt + 1, reason: 'unreachable' });
      }
    };
    const timer = setTimeout(
      () => void join(step.attempt),
      step.kind === 'waiting' ? backoff(step.attempt) : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [step, webinarId, accessKey]);

  const host = !accessKey;
  return (
    <section className="card watch" aria-labelledby="watch-title">
      <h2 id="watch-title">{host ? t('hostRoomTitle') : t('watchTitle')}</h2>
      {step.kind === 'idle' && (
        <button
          type="button"
          className="primary"
          onClick={() => setStep({ kind: 'joining', attempt: 0 })}
        >
          {host ? t('joinAsHost') : t('watch')}
        </button>
      )}
      <div role="status" aria-live="polite">
        {step.kind === 'joining' && <p>{t('connecting')}</p>}
        {step.kind === 'waiting' && (
          <p>{step.reason === 'notOpen' ? t('notStarted') : t('unreachable')}</p>
        )}
        {step.kind === 'refused' && <p>{step.message}</p>}
        {step.kind === 'over' && <p>{t('videoStopped')}</p>}
      </div>
      {(step.kind === 'refused' || step.kind === 'over') && (
        <button
          type="button"
          className="secondary"
          onClick={() => setStep({ kind: 'joining', attempt: 0 })}
        >
          {t('tryAgain')}
        </button>
      )}
      {step.kind === 'in' && (
        <Suspense fallback={<p>{t('loading', { ns: 'translation' })}</p>}>
          <WebinarStage
            serverUrl={step.grant.serverUrl}
            token={step.grant.token}
            role={step.grant.role}
            onFailed={(notOpen) =>
              setStep({
                kind: 'waiting',
                attempt: step.attempt + 1,
                reason: notOpen ? 'notOpen' : 'unreachable',
              })
            }
            onEnd={() => setStep((now) => (now.kind === 'in' ? { kind: 'over' } : now))}
          />
        </Suspense>
      )}
    </section>
  );
}
