import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { isUuid } from '../ui/ids';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { CrisisResources } from './CrisisResources';
import { helpLocale } from './locale';
import { CHECK_INS_KEY, useCheckIns } from './useCheckIns';
import './measures.css';

type Request = Schemas['MeasureRequestView'];
type Measure = Schemas['MeasureView'];

/** The instruments in the page's language (the api translates by Accept-Language). */
function useInstruments() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useQuery({
    queryKey: ['measures', language],
    queryFn: () => ok(api.GET('/api/v1/measures', { headers: { 'accept-language': language } })),
    staleTime: Infinity,
  });
}

/** `/check-ins`: what the person is asked before their sessions, and what they answered. */
export default function CheckIns() {
  const { requestId } = useParams();
  return requestId ? <Answer requestId={requestId} /> : <CheckInList />;
}

function CheckInList() {
  const { t } = useTranslation('measures');
  const { t: common } = useTranslation();
  const requests = useCheckIns();
  const instruments = useInstruments();
  const dates = useDates();
  if (requests.isError) return <Problem error={requests.error} />;
  if (!requests.data || !instruments.data) return <p>{common('loading')}</p>;
  const titles = new Map(instruments.data.items.map((m) => [m.key, m.title]));
  return (
    <section className="check-ins">
      <h1>{t('checkInsTitle')}</h1>
      <p className="lead">{t('checkInsLead')}</p>
      {requests.data.items.length === 0 ? (
        <p className="card">{t('noCheckIns')}</p>
      ) : (
        <ul className="check-in-list">
          {requests.data.items.map((request) => (
            <li key={request.id} className="card check-in">
              <h2>{titles.get(request.measureKey)}</h2>
              {request.status === 'due' ? (
                <>
                  <p className="hint">
                    {t('closesAt', { when: dates.dateTime(request.expiresAt) })}
                  </p>
                  <Link className="button primary" to={`/check-ins/${request.id}`}>
                    {t('answerNow')}
                  </Link>
                </>
              ) : (
                <p>{request.status === 'completed' ? t('statusCompleted') : t('statusExpired')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Answer({ requestId }: { requestId: string }) {
  const { t } = useTranslation('measures');
  const { t: common } = useTranslation();
  const requests = useCheckIns();
  const instruments = useInstruments();
  if (!isUuid(requestId)) return <p role="alert">{t('noSuchCheckIn')}</p>;
  if (requests.isError) return <Problem error={requests.error} />;
  if (!requests.data || !instruments.data) return <p>{common('loading')}</p>;
  const request = requests.data.items.find((r) => r.id === requestId);
  const measure = instruments.data.items.find((m) => m.key === request?.measureKey);
  if (!request || !measure) return <p role="alert">{t('noSuchCheckIn')}</p>;
  return <AnswerForm request={request} measure={measure} />;
}

function AnswerForm({ request, measure }: { request: Request; measure: Measure }) {
  const { t, i18n } = useTranslation('measures');
  const queries = useQueryClient();
  const [answers, setAnswers] = useState<(number | null)[]>(() => measure.items.map(() => null));
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: (values: number[]) =>
      ok(
        api.POST('/api/v1/measure-requests/{requestId}/responses', {
          params: { path: { requestId: request.id } },
          body: { answers: values },
          headers: { 'accept-language': helpLocale(i18n.resolvedLanguage ?? 'en') },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: CHECK_INS_KEY }),
  });
  const missing = answers.filter((a) => a === null).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing === 0) send.mutate(answers as number[]);
  };

  if (send.data) return <Answered crisis={send.data.crisisResources} />;
  if (request.status !== 'due') {
    return (
      <section className="check-in-form">
        <h1>{measure.title}</h1>
        <p>{request.status === 'completed' ? t('statusCompleted') : t('statusExpired')}</p>
        <Link to="/check-ins">{t('backToCheckIns')}</Link>
      </section>
    );
  }
  return (
    <form className="check-in-form" onSubmit={submit} noValidate>
      <h1>{measure.title}</h1>
      <p className="lead">{measure.stem}</p>
      <ol className="check-in-items">
        {measure.items.map((item, i) => (
          <li key={item.index} className="card">
            <RadioGroup
              className="choice answers"
              value={answers[i] === null ? null : String(answers[i])}
              onChange={(value) =>
                setAnswers((current) => current.map((a, j) => (j === i ? Number(value) : a)))
              }
              isInvalid={tried && answers[i] === null}
            >
              <Label>
                <span className="hint">
                  {t('question', { n: item.index, total: measure.items.length })}
                </span>
                <span className="item-text">{item.text}</span>
              </Label>
              {measure.options.map((option) => (
                <Radio key={option.value} value={String(option.value)}>
                  {option.label}
                </Radio>
              ))}
            </RadioGroup>
          </li>
        ))}
      </ol>
      {tried && missing > 0 && (
        <p role="alert" className="problem">
          {t('unanswered', { count: missing })}
        </p>
      )}
      {send.error && <Problem error={send.error} />}
      <button type="submit" className="primary" disabled={send.isPending}>
        {send.isPending ? t('sending') : t('send')}
      </button>
    </form>
  );
}

/** After sending: thanks, and, when an answer spoke of self-harm, where to turn, first. */
function Answered({ crisis }: { crisis: Schemas['CrisisResourceView'][] }) {
  const { t } = useTranslation('measures');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (crisis.length === 0) {
    return (
      <section className="check-in-done">
        <h1 tabIndex={-1} ref={heading}>
          {t('thanks')}
        </h1>
        <Link to="/check-ins">{t('backToCheckIns')}</Link>
      </section>
    );
  }
  return (
    <section className="check-in-done safety" aria-labelledby="safety-title">
      <h1 id="safety-title" tabIndex={-1} ref={heading}>
        {t('safetyTitle')}
      </h1>
      <p className="lead">{t('safetyLead')}</p>
      <CrisisResources given={crisis} />
      <p>{t('safetyFacilitators')}</p>
      <p>{t('thanks')}</p>
      <Link to="/check-ins">{t('backToCheckIns')}</Link>
    </section>
  );
}
