import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Checkbox, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { ApiError } from '../api/result';
import { useAuth } from '../auth/useAuth';
import { CrisisResources } from '../measures/CrisisResources';
import { Problem } from '../ui/Problem';
import { type Draft, useCheckDraft, useSendPost } from './useSpace';

const EMPTY: Draft = { body: '', anonymous: false, contentWarning: '' };

type Phase =
  | { kind: 'write' }
  | { kind: 'crisis'; resources: Schemas['CrisisResourceView'][] }
  | { kind: 'declined' }
  | { kind: 'sent'; held: boolean; crisis: boolean };

/**
 * Writing a post or a reply. The draft is checked first: one that reads like a crisis shows where
 * to turn before anything is posted, then lets the person choose. A held post says a facilitator
 * will look at it soon. `onMuted` hears a refusal because a facilitator muted the writer.
 */
export function Composer(props: { groupId: string; parentId?: string; onMuted(): void }) {
  const { t } = useTranslation('space');
  const { t: measures } = useTranslation('measures');
  const auth = useAuth();
  const alias = auth.status === 'signedIn' ? auth.user.displayName : '';
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [phase, setPhase] = useState<Phase>({ kind: 'write' });
  const [tried, setTried] = useState(false);
  const check = useCheckDraft(props.groupId);
  const send = useSendPost(props.groupId, props.parentId);
  const crisisHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const reply = props.parentId !== undefined;
  const empty = draft.body.trim() === '';

  useEffect(() => {
    if (phase.kind === 'crisis') crisisHeading.current?.focus();
  }, [phase.kind]);

  const post = () =>
    send.mutate(draft, {
      onSuccess: (created) => {
        setPhase({ kind: 'sent', held: created.status === 'held', crisis: created.crisis });
        setDraft(EMPTY);
        setTried(false);
      },
      onError: (error) => {
        setPhase({ kind: 'write' });
        if (error instanceof ApiError && error.code === 'muted') props.onMuted();
      },
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (empty) return;
    check.mutate(draft.body, {
      onSuccess: (answer) =>
        answer.crisis ? setPhase({ kind: 'crisis', resources: answer.resources }) : post(),
    });
  };

  if (phase.kind === 'crisis') {
    return (
      <section className="space-crisis card" aria-labelledby={`${id}-crisis`}>
        <h2 id={`${id}-crisis`} tabIndex={-1} ref={crisisHeading}>
          {measures('safetyTitle')}
        </h2>
        <p className="lead">{t('crisisLead')}</p>
        <CrisisResources given={phase.resources} />
        <p>{t('crisisFacilitators')}</p>
        <p>{t('crisisChoice')}</p>
        {send.error ? <Problem error={send.error} /> : null}
        <div className="space-choice">
          <button
            type="button"
            className="secondary"
            onClick={() => setPhase({ kind: 'declined' })}
          >
            {t('dontPost')}
          </button>
          <button type="button" className="primary" onClick={post} disabled={send.isPending}>
            {send.isPending ? t('posting') : t('postAnyway')}
          </button>
        </div>
      </section>
    );
  }

  const busy = check.isPending || send.isPending;
  return (
    <form className={reply ? 'space-composer reply' : 'space-composer card'} onSubmit={submit}>
      {!reply && <h2>{t('composeTitle')}</h2>}
      {phase.kind === 'sent' && (
        <div role="status" className={phase.held ? 'notice space-held' : 'space-posted'}>
          {phase.held ? (
            <>
              <p className="space-held-title">{t('heldTitle')}</p>
              <p>{phase.crisis ? t('heldCrisisBody') : t('heldBody')}</p>
            </>
          ) : (
            <p>{t('posted')}</p>
          )}
        </div>
      )}
      {phase.kind === 'declined' && (
        <p role="status" className="notice">
          {t('draftKept')}
        </p>
      )}
      <TextField
        className="field"
        value={draft.body}
        onChange={(body) => setDraft({ ...draft, body })}
        isInvalid={tried && empty}
        maxLength={4000}
      >
        <Label>{reply ? t('replyLabel') : t('bodyLabel')}</Label>
        <TextArea rows={reply ? 2 : 4} />
        <Text slot="description">{t('bodyHelp')}</Text>
        {tried && empty && <p className="problem">{t('bodyRequired')}</p>}
      </TextField>
      <TextField
        className="field"
        value={draft.contentWarning}
        onChange={(contentWarning) => setDraft({ ...draft, contentWarning })}
        maxLength={200}
      >
        <Label>{t('contentWarning')}</Label>
        <Input />
        <Text slot="description">{t('contentWarningHelp')}</Text>
      </TextField>
      <div className="space-anonymous">
        <Checkbox
          className="space-check"
          isSelected={draft.anonymous}
          onChange={(anonymous) => setDraft({ ...draft, anonymous })}
          aria-describedby={`${id}-anonymous`}
        >
          <span className="box" aria-hidden="true" />
          {t('anonymous')}
        </Checkbox>
        <p id={`${id}-anonymous`} className="hint">
          {t('anonymousHelp')}
        </p>
      </div>
      <p className="space-as">
        {t('postingAs', { name: draft.anonymous ? t('anonymousAuthor') : alias })}
      </p>
      {check.error ? <Problem error={check.error} /> : null}
      {send.error ? <Problem error={send.error} /> : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('posting') : reply ? t('sendReply') : t('post')}
      </button>
    </form>
  );
}
