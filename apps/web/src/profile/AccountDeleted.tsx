import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { signOut } from '../auth/session';
import { useAuth } from '../auth/useAuth';

/**
 * `/account-deleted`, shown once DELETE /me answered. The api already ended every login; this
 * forgets the session here, and every other tab follows (they share the stored refresh token).
 */
export default function AccountDeleted() {
  const { t } = useTranslation('me');
  const signedIn = useAuth().status === 'signedIn';
  // DeleteAccount navigates here with `{ erased: true }`: only a real erasure signs out.
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased === true;
  useEffect(() => {
    if (erased && signedIn) void signOut();
  }, [erased, signedIn]);
  // Opened by hand while signed in: nothing was deleted.
  if (signedIn && !erased) return <Navigate to="/" replace />;
  return (
    <section className="card narrow">
      <h1>{t('deletedTitle')}</h1>
      <p role="status">{t('deletedText')}</p>
      <p>{t('deletedKept')}</p>
      <p>{t('deletedThanks')}</p>
      <Link className="primary button" to="/" replace>
        {t('deletedStart')}
      </Link>
    </section>
  );
}
