import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { forgetFragment, fromFragment } from '../ui/fragment';

type State = 'working' | 'done' | 'invalid' | 'incomplete' | 'offline';

/** `/verify-email/#token=…`, the address the confirmation e-mail links to. */
export default function VerifyEmail() {
  const { t } = useTranslation('me');
  const [state, setState] = useState<State>('working');
  const started = useRef(false);

  useEffect(() => {
    // Once only: a token can be used once, and React may run effects twice in development.
    if (started.current) return;
    started.current = true;
    const token = fromFragment('token');
    if (!token) return setState('incomplete');
    api.POST('/api/v1/auth/verify-email', { body: { token } }).then(
      ({ response }) => {
        forgetFragment();
        setState(response.ok ? 'done' : 'invalid');
      },
      () => setState('offline'),
    );
  }, []);

  const message = {
    working: t('verifyWorking'),
    done: t('verifyDone'),
    invalid: t('verifyInvalid'),
    incomplete: t('linkIncomplete'),
    offline: t('offline'),
  }[state];
  return (
    <section className="card narrow">
      <h1>{t('verifyTitle')}</h1>
      <p role="status" aria-live="polite">
        {message}
      </p>
      {state !== 'working' && (
        <Link className="primary button" to="/">
          {t('continueToHearth')}
        </Link>
      )}
    </section>
  );
}
