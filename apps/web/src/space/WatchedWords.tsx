import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { Problem } from '../ui/Problem';
import { spaceKeys } from './useSpace';
import './space.css';

/** One word or phrase a line, blank lines and repeats left out. */
const toWords = (text: string) => [
  ...new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  ),
];

/**
 * The organization's watched words: a post with one of them waits for a facilitator. Owners and
 * admins change the list; facilitators read it.
 */
export function WatchedWords({ orgId, manages }: { orgId: string; manages: boolean }) {
  const { t } = useTranslation('space');
  const words = useQuery({
    queryKey: spaceKeys.watchedWords(orgId),
    queryFn: () =>
      ok(api.GET('/api/v1/organizations/{orgId}/watched-words', { params: { path: { orgId } } })),
  });
  if (!words.data) return null;
  return (
    <section className="card" aria-labelledby="watched-title">
      <h2 id="watched-title">{t('watchedTitle')}</h2>
      {manages ? (
        <WatchedWordsForm orgId={orgId} words={words.data.words} />
      ) : (
        <>
          <p className="hint">{t('watchedHelp')}</p>
          {words.data.words.length === 0 ? (
            <p>{t('watchedNone')}</p>
          ) : (
            <ul className="watched-words">
              {words.data.words.map((word) => (
                <li key={word}>{word}</li>
              ))}
            </ul>
          )}
          <p className="hint">{t('watchedReadOnly')}</p>
        </>
      )}
    </section>
  );
}

function WatchedWordsForm({ orgId, words }: { orgId: string; words: string[] }) {
  const { t } = useTranslation('space');
  const queries = useQueryClient();
  const [text, setText] = useState(() => words.join('\n'));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (list: string[]) =>
      ok(
        api.PUT('/api/v1/organizations/{orgId}/watched-words', {
          params: { path: { orgId } },
          body: { words: list },
        }),
      ),
    onSuccess: (answer) => {
      queries.setQueryData(spaceKeys.watchedWords(orgId), answer);
      setText(answer.words.join('\n'));
      setSaved(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(toWords(text));
  };
  return (
    <Form className="watched-form" onSubmit={submit}>
      <TextField className="field" value={text} onChange={setText}>
        <Label>{t('watchedLabel')}</Label>
        <TextArea rows={6} />
        <Text slot="description">{t('watchedHelp')}</Text>
      </TextField>
      {save.error ? <Problem error={save.error} /> : null}
      {saved && <p role="status">{t('emailsSaved')}</p>}
      <Button type="submit" className="primary" isDisabled={save.isPending}>
        {t('watchedSave')}
      </Button>
    </Form>
  );
}
