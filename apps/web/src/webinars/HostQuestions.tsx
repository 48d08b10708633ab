import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { QuestionText } from './QuestionText';

const POLL_MS = 3_000;
type Action = 'approve' | 'answer' | 'dismiss';

/**
 * The Q&A as hosts run it: questions waiting for approval first (read apart, so the queue never
 * sinks below the popular questions), then the others, most voted first.
 */
export function HostQuestions({ webinarId }: { webinarId: string }) {
  const { t } = useTranslation('webinars');
  const client = useQueryClient();
  const queryKey = ['webinars', webinarId, 'questions', 'host'];
  const path = { params: { path: { webinarId } } };
  const questions = useQuery({
    queryKey,
    refetchInterval: POLL_MS,
    queryFn: async () => {
      const [held, top] = await Promise.all([
        ok(
          api.GET('/api/v1/webinars/{webinarId}/questions', {
            params: { path: { webinarId }, query: { status: 'held', limit: 200 } },
          }),
        ),
        ok(api.GET('/api/v1/webinars/{webinarId}/questions', path)),
      ]);
      return { held: held.items, others: top.items.filter((q) => q.status !== 'held') };
    },
  });
  const act = useMutation({
    mutationFn: ({ action, questionId }: { action: Action; questionId: string }) => {
      const params = { params: { path: { webinarId, questionId } } };
      if (action === 'approve')
        return ok(api.POST('/api/v1/webinars/{webinarId}/questions/{questionId}/approve', params));
      if (action === 'answer')
        return ok(api.POST('/api/v1/webinars/{webinarId}/questions/{questionId}/answer', params));
      return ok(api.POST('/api/v1/webinars/{webinarId}/questions/{questionId}/dismiss', params));
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });

  const actions = (question: Schemas['QuestionView']) => (
    <div className="actions">
      {question.status === 'held' && (
        <Button
          className="primary"
          aria-describedby={`q-${question.id}`}
          onPress={() => act.mutate({ action: 'approve', questionId: question.id })}
        >
          {t('approve')}
        </Button>
      )}
      {question.status !== 'answered' && question.status !== 'held' && (
        <Button
          className="secondary"
          aria-describedby={`q-${question.id}`}
          onPress={() => act.mutate({ action: 'answer', questionId: question.id })}
        >
          {t('markAnswered')}
        </Button>
      )}
      {question.status !== 'dismissed' && (
        <Button
          className="secondary danger"
          aria-describedby={`q-${question.id}`}
          onPress={() => act.mutate({ action: 'dismiss', questionId: question.id })}
        >
          {t('dismiss')}
        </Button>
      )}
    </div>
  );

  return (
    <section className="card" aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('questionsTitle')}</h2>
      {questions.isError && <p role="alert">{t('questionsUnavailable')}</p>}
      {act.isError && <p role="alert">{t('actionFailed')}</p>}
      {questions.data && (
        <>
          <h3>{t('heldTitle')}</h3>
          {questions.data.held.length === 0 ? (
            <p className="hint">{t('noHeld')}</p>
          ) : (
            <ul className="questions" aria-label={t('heldTitle')}>
              {questions.data.held.map((question) => (
                <li key={question.id}>
                  <QuestionText question={question} />
                  {actions(question)}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('askedTitle')}</h3>
          {questions.data.others.length === 0 ? (
            <p className="hint">{t('noQuestions')}</p>
          ) : (
            <ul className="questions" aria-label={t('askedTitle')}>
              {questions.data.others.map((question) => (
                <li key={question.id}>
                  <QuestionText question={question} />
                  {actions(question)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
