import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';

/** A question's text, who asked (or that it was anonymous), its votes and where it stands. */
export function QuestionText({ question }: { question: Schemas['QuestionView'] }) {
  const { t } = useTranslation('webinars');
  const author = question.author ?? (question.mine ? t('youAnonymously') : t('anonymous'));
  return (
    <div className="question">
      <p id={`q-${question.id}`} className="question-text">
        {question.text}
      </p>
      <p className="hint">
        {author} · {t('votes', { count: question.votes })}
        {question.status !== 'visible' && (
          <>
            {' · '}
            <span className={`status status-${question.status}`}>
              {t(`status_${question.status}`)}
            </span>
          </>
        )}
      </p>
    </div>
  );
}
