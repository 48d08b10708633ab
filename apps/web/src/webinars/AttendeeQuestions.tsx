import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Checkbox,
  FieldError,
  Form,
  Label,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { rememberVote, votedQuestions, withKey } from './access';
import { QuestionText } from './QuestionText';

const POLL_MS = 3_000;

/** Ask (optionally anonymously), read and upvote the questions; re-read every few seconds. */
export function AttendeeQuestions(props: {
  webinar: Schemas['WebinarPublicView'];
  accessKey: string;
}) {
  const { t } = useTranslation('webinars');
  const webinarId = props.webinar.id;
  const key = props.accessKey;
  const client = useQueryClient();
  const queryKey = ['webinars', webinarId, 'questions', 'attendee'];
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [thanks, setThanks] = useState('');
  const [voted, setVoted] = useState(() => votedQuestions(webinarId));

  const questions = useQuery({
    queryKey,
    refetchInterval: POLL_MS,
    queryFn: () =>
      ok(
        api.GET('/api/v1/webinars/{webinarId}/questions', {
          params: { path: { webinarId } },
          ...withKey(key),
        }),
      ),
  });
  const ask = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/webinars/{webinarId}/questions', {
          params: { path: { webinarId } },
          body: { text: text.trim(), anonymous },
          ...withKey(key),
        }),
      ),
    onSuccess: (asked) => {
      setThanks(asked.status === 'held' ? t('askedHeld') : t('asked'));
      setText('');
      setAnonymous(false);
      void client.invalidateQueries({ queryKey });
    },
  });
  const upvote = useMutation({
    mutationFn: (questionId: string) =>
      ok(
        api.POST('/api/v1/webinars/{webinarId}/questions/{questionId}/upvote', {
          params: { path: { webinarId, questionId } },
          ...withKey(key),
        }),
      ),
    onSuccess: (vote) => {
      rememberVote(webinarId, vote.id);
      setVoted(votedQuestions(webinarId));
      void client.invalidateQueries({ queryKey });
    },
  });
  const refusal = ask.error instanceof ApiError ? ask.error.code : undefined;
  // Speakers open the same page with their own key: they read the questions, the audience asks.
  const askProblem =
    refusal === 'rate_limited'
      ? t('askTooSoon')
      : refusal === 'attendees_only'
        ? t('speakersDoNotAsk')
        : ask.error && t('askFailed');

  return (
    <section className="card" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('questionsTitle')}</h2>
      <Form
        className="ask"
        onSubmit={(event) => {
          event.preventDefault();
          setThanks('');
          ask.mutate();
        }}
      >
        <TextField
          className="field"
          isRequired
          minLength={3}
          maxLength={1000}
          value={text}
          onChange={setText}
        >
          <Label>{t('yourQuestion')}</Label>
          <TextArea rows={3} />
          <FieldError />
        </TextField>
        <Checkbox className="checkbox" isSelected={anonymous} onChange={setAnonymous}>
          <span className="box" aria-hidden="true" />
          {t('askAnonymously')}
        </Checkbox>
        <p role="status" aria-live="polite">
          {thanks}
        </p>
        {askProblem && (
          <p role="alert" className="problem">
            {askProblem}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={ask.isPending}>
          {t('sendQuestion')}
        </Button>
      </Form>
      {questions.isError && <p role="alert">{t('questionsUnavailable')}</p>}
      {questions.data && questions.data.items.length === 0 && (
        <p className="hint">{t('noQuestions')}</p>
      )}
      <ul className="questions" aria-label={t('questionsTitle')}>
        {questions.data?.items.map((question) => (
          <li key={question.id}>
            <QuestionText question={question} />
            {!question.mine && question.status !== 'held' && (
              <Button
                className="secondary"
                aria-describedby={`q-${question.id}`}
                isDisabled={voted.has(question.id) || upvote.isPending}
                onPress={() => upvote.mutate(question.id)}
              >
                {voted.has(question.id) ? t('upvoted') : t('upvote')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
