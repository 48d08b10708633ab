import './record.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useNow } from '../ui/clock';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { record } from './keys';

type Homework = Schemas['HomeworkView'];

/** The api's limit for a reflection. */
const REFLECTION_MAX = 4_000;

/** `/homework`: the practice from the person's recent sessions, to mark done. */
export default function MyHomework() {
  const { t } = useTranslation('record');
  const { t: common } = useTranslation();
  const homework = useQuery({
    queryKey: record.myHomework,
    queryFn: () => ok(api.GET('/api/v1/me/homework')),
  });
  const items = homework.data?.items ?? [];
  return (
    <section className="record-mine">
      <p className="crumb">
        <Link to="/">{t('backHome')}</Link>
      </p>
      <h1>{t('myHomeworkTitle')}</h1>
      <p className="hint">{t('myHomeworkIntro')}</p>
      {homework.isPending && <p>{common('loading')}</p>}
      {homework.isError && <Problem error={homework.error} />}
      {homework.isSuccess && items.length === 0 && <p className="card">{t('myHomeworkEmpty')}</p>}
      {items.length > 0 && (
        <ul className="record-list">
          {items.map((item) => (
            <HomeworkItem key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HomeworkItem({ item }: { item: Homework }) {
  const { t } = useTranslation('record');
  const dates = useDates();
  const now = useNow(60_000);
  const queries = useQueryClient();
  const [reflection, setReflection] = useState('');
  const [justDone, setJustDone] = useState<'plain' | 'reflection'>();
  const complete = useMutation({
    mutationFn: (text: string) =>
      ok(
        api.POST('/api/v1/homework/{homeworkId}/complete', {
          params: { path: { homeworkId: item.id } },
          body: text ? { reflection: text } : {},
        }),
      ),
    onSuccess: (done, text) => {
      setJustDone(text ? 'reflection' : 'plain');
      queries.setQueryData<Schemas['HomeworkList']>(
        record.myHomework,
        (list) => list && { items: list.items.map((h) => (h.id === done.id ? done : h)) },
      );
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    complete.mutate(reflection.trim());
  }
  const tasks = item.text.split('\n').filter((line) => line.trim());
  const titleId = `homework-${item.id}`;
  return (
    <li className="card record-item">
      <article aria-labelledby={titleId}>
        <h2 id={titleId}>{item.moduleTitle}</h2>
        {item.completedAt ? (
          <p className="record-badge">{t('youDidIt', { date: dates.date(item.completedAt) })}</p>
        ) : Date.parse(item.dueAt) > now ? (
          <p className="hint">{t('dueBefore', { date: dates.dateTime(item.dueAt) })}</p>
        ) : (
          <p className="hint">{t('wasFor', { date: dates.dateTime(item.dueAt) })}</p>
        )}
        <ul className="record-tasks">
          {tasks.map((task, i) => (
            <li key={i}>{task}</li>
          ))}
        </ul>
        {justDone && (
          <p role="status" className="notice">
            {t(justDone === 'reflection' ? 'thanksReflection' : 'thanks')}
          </p>
        )}
        {!item.completedAt && (
          <Form onSubmit={submit}>
            <TextField
              className="field"
              value={reflection}
              onChange={setReflection}
              maxLength={REFLECTION_MAX}
            >
              <Label>{t('reflection')}</Label>
              <Text slot="description">{t('reflectionPrivacy')}</Text>
              <TextArea rows={4} />
            </TextField>
            {complete.isError && <Problem error={complete.error} />}
            <Button
              type="submit"
              className="primary"
              isDisabled={complete.isPending}
              aria-label={t('markDoneWhich', { title: item.moduleTitle })}
            >
              {t('markDone')}
            </Button>
          </Form>
        )}
      </article>
    </li>
  );
}
