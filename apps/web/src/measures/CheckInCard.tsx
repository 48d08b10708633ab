import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCheckIns } from './useCheckIns';

/** On the participant's home: a check-in waits before their session. Nothing otherwise. */
export function CheckInCard() {
  const { t } = useTranslation('measures');
  const requests = useCheckIns();
  const due = requests.data?.items.filter((r) => r.status === 'due') ?? [];
  const [first] = due;
  if (!first) return null;
  return (
    <section className="card check-in-card" aria-labelledby="check-in-card-title">
      <h2 id="check-in-card-title">{t('checkInDue')}</h2>
      <p>{t('checkInDueBody')}</p>
      <Link
        className="button primary"
        to={due.length === 1 ? `/check-ins/${first.id}` : '/check-ins'}
      >
        {t('answerNow')}
      </Link>
    </section>
  );
}
