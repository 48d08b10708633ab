import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { versionKey } from './queries';

type Module = Schemas['CurriculumModuleView'];
type Version = Schemas['CurriculumVersionView'];

const MAX_MINUTES = 240;

/** What the api takes back: notes and homework left empty are dropped, titles trimmed. */
const toDto = (m: Module): Schemas['ModuleDto'] => ({
  title: m.title.trim(),
  goals: m.goals,
  agenda: m.agenda.map(({ title, minutes, facilitatorNotes }) => ({
    title: title.trim(),
    minutes,
    ...(facilitatorNotes?.trim() ? { facilitatorNotes: facilitatorNotes.trim() } : {}),
  })),
  materials: m.materials,
  exercises: m.exercises,
  homework: m.homework.map((h) => h.trim()).filter(Boolean),
});

/** The sessions (1-based) with something the api would refuse. */
function sessionsWithProblems(modules: Module[]): number[] {
  return modules.flatMap((m, i) =>
    !m.title.trim() ||
    m.agenda.some(
      (a) =>
        !a.title.trim() || !Number.isInteger(a.minutes) || a.minutes < 1 || a.minutes > MAX_MINUTES,
    )
      ? [i + 1]
      : [],
  );
}

/** The sessions named in an api refusal's fields (`modules.2.agenda.0.minutes`). */
function sessionsIn(error: unknown): number[] {
  if (!(error instanceof ApiError)) return [];
  const numbers = error.fields
    .map((f) => /^modules\.(\d+)/.exec(f.field)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n) + 1);
  return [...new Set(numbers)];
}

/**
 * Edits a draft version's sessions: titles, agenda items and their minutes, facilitator notes,
 * homework. Goals, materials and exercises are kept as they are. Saves with PATCH; publishing
 * saves first, then freezes the version.
 */
export function DraftEditor({
  curriculumId,
  draft,
  onClose,
  onPublished,
}: {
  curriculumId: string;
  draft: Version;
  onClose: () => void;
  onPublished: (version: Version) => void;
}) {
  const { t } = useTranslation('curricula');
  const queries = useQueryClient();
  const [modules, setModules] = useState<Module[]>(() => structuredClone(draft.modules));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const problems = sessionsWithProblems(modules);

  const path = { params: { path: { curriculumId, versionId: draft.id } } };
  const saveDraft = async () => {
    const version = await ok(
      api.PATCH('/api/v1/curricula/{curriculumId}/versions/{versionId}', {
        ...path,
        body: { modules: modules.map(toDto) },
      }),
    );
    queries.setQueryData(versionKey(curriculumId, draft.id), version);
    setDirty(false);
    return version;
  };
  const save = useMutation({
    mutationFn: saveDraft,
    onSuccess: () => setSaved(true),
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await saveDraft();
      return ok(api.POST('/api/v1/curricula/{curriculumId}/versions/{versionId}/publish', path));
    },
    onSuccess: onPublished,
  });
  const failed = save.error ?? publish.error;

  const update = (index: number, change: (m: Module) => Module) => {
    // Functional: two changes in one event both land (a stale `modules` would drop the first).
    setModules((current) => current.map((m, i) => (i === index ? change(m) : m)));
    setDirty(true);
    setSaved(false);
  };

  return (
    <section className="editor" aria-labelledby="editor-title">
      <h2 id="editor-title">{t('editingTitle', { version: draft.version })}</h2>
      <p className="hint">{t('editingText')}</p>
      {modules.map((module, index) => (
        <ModuleEditor
          key={index}
          n={index + 1}
          module={module}
          onChange={(change) => update(index, change)}
        />
      ))}
      <div className="editor-actions" aria-live="polite">
        {problems.length > 0 && (
          <p className="problem">
            {t('checkSessions', { sessions: problems.join(', '), count: problems.length })}
          </p>
        )}
        {failed && (
          <p role="alert" className="problem">
            {failed instanceof ApiError && failed.code === 'version_published'
              ? t('alreadyPublished')
              : failed instanceof ApiError && failed.code === 'not_curriculum_owner'
                ? t('notEditor')
                : sessionsIn(failed).length > 0
                  ? t('checkSessions', {
                      sessions: sessionsIn(failed).join(', '),
                      count: sessionsIn(failed).length,
                    })
                  : t('somethingWrong', { ns: 'translation' })}
          </p>
        )}
        {saved && !dirty && <p role="status">{t('draftSaved')}</p>}
        <button
          type="button"
          className="secondary"
          disabled={save.isPending || publish.isPending || problems.length > 0}
          onClick={() => save.mutate()}
        >
          {t('saveDraft')}
        </button>
        <p className="hint">{t('publishHint')}</p>
        <ConfirmDialog
          className="button"
          danger={false}
          isDisabled={save.isPending || publish.isPending || problems.length > 0}
          label={t('publish', { version: draft.version })}
          title={t('publishConfirmTitle', { version: draft.version })}
          cancel={t('keepEditing')}
          confirm={t('publishConfirm')}
          onConfirm={(close) => {
            publish.mutate();
            close();
          }}
        >
          <p>{t('publishConfirmText')}</p>
        </ConfirmDialog>
        <button type="button" className="link" onClick={onClose}>
          {dirty ? t('closeUnsaved') : t('close')}
        </button>
      </div>
    </section>
  );
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea
          id={id}
          rows={3}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

function ModuleEditor({
  module,
  n,
  onChange,
}: {
  module: Module;
  n: number;
  onChange: (change: (m: Module) => Module) => void;
}) {
  const { t } = useTranslation('curricula');
  const minutesId = useId();
  const total = module.agenda.reduce(
    (sum, a) => sum + (Number.isNaN(a.minutes) ? 0 : a.minutes),
    0,
  );
  const setItem = (i: number, item: Partial<Module['agenda'][number]>) =>
    onChange((m) => ({ ...m, agenda: m.agenda.map((a, j) => (j === i ? { ...a, ...item } : a)) }));
  const setHomework = (i: number, text: string) =>
    onChange((m) => ({ ...m, homework: m.homework.map((h, j) => (j === i ? text : h)) }));
  return (
    <details className="module card">
      <summary>
        <span className="module-title">{t('sessionTitle', { n, title: module.title })}</span>
        <span className="hint">{t('minutesTotal', { count: total })}</span>
      </summary>
      <TextInput
        label={t('sessionName', { n })}
        value={module.title}
        onChange={(title) => onChange((m) => ({ ...m, title }))}
      />
      {module.agenda.map((item, i) => (
        <fieldset key={i} className="agenda-item">
          <legend>{t('agendaItem', { n, item: i + 1 })}</legend>
          <TextInput
            label={t('itemTitle')}
            value={item.title}
            onChange={(title) => setItem(i, { title })}
          />
          <div className="field">
            <label htmlFor={`${minutesId}-${i}`}>{t('itemMinutes')}</label>
            <input
              id={`${minutesId}-${i}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_MINUTES}
              value={Number.isNaN(item.minutes) ? '' : item.minutes}
              onChange={(e) => setItem(i, { minutes: e.target.valueAsNumber })}
            />
          </div>
          <TextInput
            label={t('facilitatorNotes')}
            multiline
            value={item.facilitatorNotes ?? ''}
            onChange={(facilitatorNotes) => setItem(i, { facilitatorNotes })}
          />
        </fieldset>
      ))}
      <p className="hint">{t('agendaAddsUp', { count: total })}</p>
      {module.homework.length > 0 && (
        <fieldset className="agenda-item">
          <legend>{t('homeworkOf', { n })}</legend>
          {module.homework.map((h, i) => (
            <TextInput
              key={i}
              label={t('homeworkItem', { item: i + 1 })}
              multiline
              value={h}
              onChange={(text) => setHomework(i, text)}
            />
          ))}
        </fieldset>
      )}
    </details>
  );
}
