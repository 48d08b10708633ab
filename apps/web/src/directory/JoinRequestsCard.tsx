import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyRequests } from './MyRequests';
import './directory.css';

/** For home: the person's latest request and its status, when they have asked to join any. */
export function JoinRequestsCard() {
  const { t } = useTranslation('directory');
  const requests = useMyRequests();
  const latest = requests.data?.items[0];
  if (!latest) return null;
  return (
    <section className="card" aria-labelledby="join-requests-card-title">
      <h2 id="join-requests-card-title">{t('myRequestsTitle')}</h2>
      <p>
        {latest.groupName}:{' '}
        <span className={`badge status-${latest.status}`}>{t(`status_${latest.status}`)}</span>
      </p>
      <p>
        <Link to="/me/requests">{t('seeRequests')}</Link>
      </p>
    </section>
  );
}
