import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { SignIn } from '../auth/SignIn';
import { useAuth } from '../auth/useAuth';
import { CheckField } from '../ui/DateFields';
import { isUuid } from '../ui/ids';
import { Problem } from '../ui/Problem';
import { useListing } from './DirectoryGroup';
import { MY_REQUESTS_KEY } from './MyRequests';
import './directory.css';

const NOTE_MAX = 500;

/** After sending: calm, and what happens next. */
function Sent({ admitted }: { admitted: boolean }) {
  const { t } = useTranslation('directory');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card directory-sent" aria-labelledby="sent-title">
      <h1 id="sent-title" tabIndex={-1} ref={heading}>
        {admitted ? t('sentAdmitted') : t('sentTitle')}
      </h1>
      {!admitted && <p>{t('sentLead')}</p>}
      <p>
        <Link to="/me/requests">{t('seeRequests')}</Link>
      </p>
    </section>
  );
}

function Screening({
  questions,
  answers,
  onChange,
}: {
  questions: Schemas['ScreeningQuestionsView'];
  answers: (number | null)[];
  onChange: (answers: (number | null)[]) => void;
}) {
  const { t } = useTranslation('directory');
  return (
    <fieldset className="directory-screening">
      <legend>{t('screeningTitle')}</legend>
      <p className="hint">{t('screeningWhy')}</p>
      <p>{questions.stem}</p>
      {questions.items.map((item, i) => (
        <RadioGroup
          key={item}
          className="choice answers"
          value={answers[i] === null ? null : String(answers[i])}
          onChange={(value) => onChange(answers.map((a, j) => (j === i ? Number(value) : a)))}
        >
          <Label>{item}</Label>
          {questions.options.map((option) => (
            <Radio key={option.value} value={String(option.value)}>
              {option.label}
            </Radio>
          ))}
        </RadioGroup>
      ))}
    </fieldset>
  );
}

function AskForm({ orgId, groupId }: { orgId: string; groupId: string }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const { i18n } = useTranslation();
  const queries = useQueryClient();
  const listing = useListing(orgId, groupId);
  const [note, setNote] = useState('');
  const [answers, setAnswers] = useState<(number | null)[]>([null, null]);
  const [agreed, setAgreed] = useState(false);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: (body: Schemas['CreateJoinRequestDto']) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/join-requests', {
          params: { path: { groupId } },
          body,
          headers: i18n.resolvedLanguage ? { 'accept-language': i18n.resolvedLanguage } : {},
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: MY_REQUESTS_KEY }),
  });

  if (listing.isPending) return <p>{common('loading')}</p>;
  if (listing.isError) {
    const missing = listing.error instanceof ApiError && listing.error.status === 404;
    return <p role="alert">{missing ? t('notFound') : common('somethingWrong')}</p>;
  }
  if (send.data) return <Sent admitted={send.data.status === 'approved'} />;
  const group = listing.data;
  const questions = group.screeningQuestions;
  const known =
    send.error instanceof ApiError
      ? {
          join_request_pending: t('alreadyAsked'),
          already_in_group: t('alreadyIn'),
          already_facilitates: t('alreadyFacilitates'),
          join_request_declined_recently: t('declinedRecently'),
        }[send.error.code]
      : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!agreed) return;
    const answered = questions && answers.every((a) => a !== null);
    send.mutate({
      agreement: true,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(questions && answered
        ? { screening: { instrument: questions.instrument, answers: answers as number[] } }
        : {}),
    });
  }

  return (
    <form className="directory-ask" onSubmit={submit} noValidate>
      <h1>{t('askTitle', { name: group.name })}</h1>
      <p className="lead">{t('askLead')}</p>
      <TextField className="field" value={note} onChange={setNote} maxLength={NOTE_MAX}>
        <Label>{t('noteLabel')}</Label>
        <TextArea rows={3} />
        <Text slot="description">{t('noteHelp')}</Text>
      </TextField>
      {questions && <Screening questions={questions} answers={answers} onChange={setAnswers} />}
      <section className="card" aria-labelledby="agreement-title">
        <h2 id="agreement-title">{t('agreementTitle')}</h2>
        <p className="directory-agreement">{group.agreement ?? t('agreementNone')}</p>
        <CheckField
          label={t('agreementConsent')}
          isSelected={agreed}
          onChange={setAgreed}
          isInvalid={tried && !agreed}
        />
      </section>
      {tried && !agreed && (
        <p role="alert" className="problem">
          {t('agreementNeeded')}
        </p>
      )}
      {send.error &&
        (known ? (
          <p role="alert" className="problem">
            {known}
          </p>
        ) : (
          <Problem error={send.error} />
        ))}
      <button type="submit" className="primary" disabled={send.isPending}>
        {send.isPending ? t('sending') : t('send')}
      </button>
    </form>
  );
}

/**
 * `/o/:orgId/groups/:groupId/ask`: the request form. Signed out, it asks the person to sign in or
 * create an account first, here, and shows the form once they have.
 */
export default function AskToJoin() {
  const { t } = useTranslation('directory');
  const auth = useAuth();
  const { orgId, groupId } = useParams();
  if (!isUuid(orgId) || !isUuid(groupId)) return <p role="alert">{t('notFound')}</p>;
  if (auth.status !== 'signedIn') {
    return (
      <>
        <p className="notice directory-sign-in">{t('signInFirst')}</p>
        <SignIn expired={auth.status === 'expired'} />
      </>
    );
  }
  return <AskForm orgId={orgId} groupId={groupId} />;
}
