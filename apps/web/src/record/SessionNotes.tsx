import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { whoIs } from '../measures/whoIs';
import { useProfile } from '../profile/useProfile';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { record } from './keys';

type Notes = Schemas['SessionNotesView'];
type Addendum = Schemas['AddendumView'];

/** The api's limit for one note or addendum. */
const NOTE_MAX = 20_000;
/** The group note's place among the drafts; member notes go by user id. */
const GROUP = 'group';

/**
 * A session's notes, for its facilitators and the organization's admins: the group note (a
 * template with attendance until written) and one per member, drafts until signed; signing locks
 * them, and later text goes in dated addenda. Every read is audited, so it is not refetched on
 * focus.
 */
export function SessionNotes({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('record');
  const { t: common } = useTranslation();
  const notes = useQuery({
    queryKey: record.notes(sessionId),
    queryFn: () =>
      ok(api.GET('/api/v1/sessions/{sessionId}/notes', { params: { path: { sessionId } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return (
    <section className="card record-notes" aria-labelledby="record-notes-title">
      <h2 id="record-notes-title">{t('notesTitle')}</h2>
      <p className="hint">{t('notesPrivacy')}</p>
      {notes.isPending && <p>{common('loading')}</p>}
      {notes.isError && <Problem error={notes.error} />}
      {notes.data &&
        (notes.data.group.signedAt ? (
          <SignedNotes sessionId={sessionId} notes={notes.data} />
        ) : (
          <DraftNotes sessionId={sessionId} notes={notes.data} />
        ))}
    </section>
  );
}

/** The alias with the legal name beside it, as facilitators read them; left members have none. */
const nameOf = (member: Schemas['MemberNoteView'], formerMember: string) =>
  member.displayName ? whoIs(member) : formerMember;

function DraftNotes({ sessionId, notes }: { sessionId: string; notes: Notes }) {
  const { t } = useTranslation('record');
  const queries = useQueryClient();
  const saved: Record<string, string> = {
    [GROUP]: notes.group.content,
    ...Object.fromEntries(notes.members.map((m) => [m.userId, m.content])),
  };
  // What the facilitator is typing, kept here so that signing can save it first.
  const [drafts, setDrafts] = useState<Record<string, string>>(saved);
  const unsaved = Object.keys(drafts).filter((key) => drafts[key] !== saved[key]);
  const refresh = () => queries.invalidateQueries({ queryKey: record.notes(sessionId) });
  const write = (key: string, content: string) =>
    ok(
      key === GROUP
        ? api.PUT('/api/v1/sessions/{sessionId}/notes/group', {
            params: { path: { sessionId } },
            body: { content },
          })
        : api.PUT('/api/v1/sessions/{sessionId}/notes/members/{userId}', {
            params: { path: { sessionId, userId: key } },
            body: { content },
          }),
    );
  const sign = useMutation({
    mutationFn: async () => {
      for (const key of unsaved) await write(key, drafts[key] ?? '');
      return ok(
        api.POST('/api/v1/sessions/{sessionId}/notes/sign', { params: { path: { sessionId } } }),
      );
    },
    onSuccess: (view) => queries.setQueryData(record.notes(sessionId), view),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'note_signed') void refresh();
    },
  });
  const editor = (key: string, label: string, help?: string) => (
    <NoteEditor
      key={key}
      label={label}
      help={help}
      value={drafts[key] ?? ''}
      changed={unsaved.includes(key)}
      onChange={(text) => setDrafts((d) => ({ ...d, [key]: text }))}
      save={() => write(key, drafts[key] ?? '')}
      onSaved={(view) => queries.setQueryData(record.notes(sessionId), view)}
      onSigned={refresh}
    />
  );
  return (
    <>
      <p>
        <span className="badge record-draft">{t('draft')}</span> {t('draftHelp')}
      </p>
      {editor(GROUP, t('groupNote'), t('groupNoteHelp'))}
      <h3>{t('memberNotes')}</h3>
      {notes.members.length === 0 && <p>{t('noMembers')}</p>}
      {notes.members.map((m) =>
        editor(m.userId, t('noteAbout', { name: nameOf(m, t('formerMember')) })),
      )}
      {sign.isError && <SignProblem error={sign.error} />}
      <ConfirmDialog
        className="primary record-sign"
        label={t('sign')}
        title={t('signTitle')}
        cancel={t('goBack')}
        confirm={t('signConfirm')}
        danger={false}
        isPending={sign.isPending}
        onConfirm={(close) => {
          sign.mutate();
          close();
        }}
      >
        <p>{t('signText')}</p>
        {unsaved.length > 0 && <p>{t('signSavesFirst')}</p>}
      </ConfirmDialog>
    </>
  );
}

/** One note's text box with its own Save, saying whether what is shown is saved. */
function NoteEditor(props: {
  label: string;
  help?: string;
  value: string;
  changed: boolean;
  onChange(text: string): void;
  save(): Promise<Notes>;
  onSaved(view: Notes): void;
  onSigned(): void;
}) {
  const { t } = useTranslation('record');
  const save = useMutation({
    mutationFn: props.save,
    onSuccess: props.onSaved,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'note_signed') props.onSigned();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Form className="record-note" onSubmit={submit} aria-label={props.label}>
      <TextField
        className="field"
        value={props.value}
        onChange={props.onChange}
        maxLength={NOTE_MAX}
      >
        <Label>{props.label}</Label>
        <TextArea rows={props.help ? 12 : 4} />
        {props.help && <Text slot="description">{props.help}</Text>}
      </TextField>
      <div className="record-save">
        <Button
          type="submit"
          className="secondary"
          isDisabled={save.isPending || !props.changed}
          aria-label={t('saveWhich', { note: props.label })}
        >
          {t('save')}
        </Button>
        <span className="hint" role="status">
          {props.changed ? t('notSaved') : save.isSuccess ? t('saved') : ''}
        </span>
      </div>
      {save.isError && <SignProblem error={save.error} />}
    </Form>
  );
}

/** A refusal, with the one every editor may meet said plainly: someone signed meanwhile. */
function SignProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('record');
  if (error instanceof ApiError && error.code === 'note_signed') {
    return (
      <p role="alert" className="problem">
        {t('signedMeanwhile')}
      </p>
    );
  }
  return <Problem error={error} />;
}

function SignedNotes({ sessionId, notes }: { sessionId: string; notes: Notes }) {
  const { t } = useTranslation('record');
  const dates = useDates();
  const me = useProfile().data?.id;
  const { group } = notes;
  return (
    <>
      <p>
        <span className="badge record-signed">{t('signed')}</span>{' '}
        {t(group.signedById === me ? 'signedByYou' : 'signedByOther', {
          date: dates.dateTime(group.signedAt!),
        })}
      </p>
      <p className="hint">{t('lockedHelp')}</p>
      <SignedNote
        sessionId={sessionId}
        title={t('groupNote')}
        content={group.content}
        addenda={group.addenda}
      />
      <h3>{t('memberNotes')}</h3>
      {notes.members.map((m) => (
        <SignedNote
          key={m.userId}
          sessionId={sessionId}
          userId={m.userId}
          title={t('noteAbout', { name: nameOf(m, t('formerMember')) })}
          content={m.content}
          addenda={m.addenda}
        />
      ))}
    </>
  );
}

function SignedNote(props: {
  sessionId: string;
  userId?: string;
  title: string;
  content: string;
  addenda: Addendum[];
}) {
  const { t } = useTranslation('record');
  const dates = useDates();
  const me = useProfile().data?.id;
  const id = `record-note-${props.userId ?? GROUP}`;
  return (
    <article className="record-signed-note" aria-labelledby={id}>
      <h4 id={id}>{props.title}</h4>
      {props.content.trim() ? (
        <p className="record-text">{props.content}</p>
      ) : (
        <p className="hint">{t('noNote')}</p>
      )}
      {props.addenda.length > 0 && (
        <ol className="record-addenda" aria-label={t('addendaOf', { note: props.title })}>
          {props.addenda.map((a) => (
            <li key={a.id}>
              <p className="hint">
                {t(a.authorId === me ? 'addendumByYou' : 'addendumByOther', {
                  date: dates.dateTime(a.createdAt),
                })}
              </p>
              <p className="record-text">{a.content}</p>
            </li>
          ))}
        </ol>
      )}
      <AddendumForm sessionId={props.sessionId} userId={props.userId} note={props.title} />
    </article>
  );
}

function AddendumForm(props: { sessionId: string; userId?: string; note: string }) {
  const { t } = useTranslation('record');
  const queries = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (content: string) =>
      ok(
        api.POST('/api/v1/sessions/{sessionId}/notes/addenda', {
          params: { path: { sessionId: props.sessionId } },
          body: props.userId ? { content, userId: props.userId } : { content },
        }),
      ),
    onSuccess: (added) => {
      setText('');
      // The answer is the addendum: put it in place rather than read (and audit) the notes again.
      queries.setQueryData<Notes>(record.notes(props.sessionId), (notes) => {
        if (!notes) return notes;
        if (!props.userId) {
          return { ...notes, group: { ...notes.group, addenda: [...notes.group.addenda, added] } };
        }
        return {
          ...notes,
          members: notes.members.map((m) =>
            m.userId === props.userId ? { ...m, addenda: [...m.addenda, added] } : m,
          ),
        };
      });
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim()) add.mutate(text.trim());
  }
  return (
    <details className="record-addendum">
      <summary>{t('addAddendumTo', { note: props.note })}</summary>
      <Form onSubmit={submit}>
        <TextField
          className="field"
          value={text}
          onChange={setText}
          isRequired
          maxLength={NOTE_MAX}
        >
          <Label>{t('addendum')}</Label>
          <TextArea rows={3} />
          <Text slot="description">{t('addendumHelp')}</Text>
        </TextField>
        {add.isError && <Problem error={add.error} />}
        {add.isSuccess && <p role="status">{t('addendumAdded')}</p>}
        <Button type="submit" className="primary" isDisabled={add.isPending}>
          {t('addAddendum')}
        </Button>
      </Form>
    </details>
  );
}
