import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { useProfile } from '../profile/useProfile';
import { useDates } from '../ui/useDates';
import { isUuid } from '../ui/ids';
import { useApproach } from './Curricula';
import { DraftEditor } from './DraftEditor';
import { ModuleView } from './ModuleView';
import { curriculaKey, curriculumKey, useCurriculum, useVersion, versionKey } from './queries';
import './curricula.css';

type Curriculum = Schemas['CurriculumView'];

/** A program: its sessions in the current version, its versions, and editing a draft. */
export default function CurriculumPage() {
  const { t } = useTranslation('curricula');
  const { curriculumId = '' } = useParams();
  const valid = isUuid(curriculumId);
  const curriculum = useCurriculum(curriculumId, valid);
  const notFound =
    !valid || (curriculum.error instanceof ApiError && curriculum.error.status === 404);
  return (
    <>
      <p>
        <Link to="/curricula">{t('backToPrograms')}</Link>
      </p>
      {notFound ? (
        <section className="card">
          <h1>{t('notFound')}</h1>
        </section>
      ) : curriculum.isError ? (
        <p role="alert" className="problem">
          {curriculum.error instanceof ApiError && curriculum.error.status === 403
            ? t('staffOnly')
            : t('somethingWrong', { ns: 'translation' })}
        </p>
      ) : curriculum.data ? (
        <Program curriculum={curriculum.data} />
      ) : (
        <p>{t('loading', { ns: 'translation' })}</p>
      )}
    </>
  );
}

function Program({ curriculum }: { curriculum: Curriculum }) {
  const { t } = useTranslation('curricula');
  const approach = useApproach();
  const queries = useQueryClient();
  const organization = useOrganization();
  const me = useProfile().data;
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<number>();
  const mayEdit = curriculum.createdById === me?.id || !!organization?.manages;
  const current = curriculum.versions.find((v) => v.id === curriculum.currentVersionId);
  const latest = curriculum.versions.at(-1);
  // The newest version still being drafted is the one to carry on with.
  const openDraft = latest?.status === 'draft' ? latest : undefined;
  const draft = useVersion(curriculum.id, editing ? openDraft?.id : undefined);
  const date = useDates().mediumDate;

  const refresh = async () => {
    await queries.invalidateQueries({ queryKey: curriculumKey(curriculum.id), exact: true });
    await queries.invalidateQueries({ queryKey: curriculaKey(curriculum.organizationId) });
  };
  const startDraft = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/curricula/{curriculumId}/versions', {
          params: { path: { curriculumId: curriculum.id } },
          // The draft starts as a copy of the current version.
          body: { modules: curriculum.modules },
        }),
      ),
    onSuccess: async (version) => {
      queries.setQueryData(versionKey(curriculum.id, version.id), version);
      await refresh();
      setEditing(true);
    },
  });

  function edit() {
    setPublished(undefined);
    if (openDraft) setEditing(true);
    else startDraft.mutate();
  }

  return (
    <>
      <h1>{curriculum.title}</h1>
      <p className="hint">{approach(curriculum.approach)}</p>
      {curriculum.description && <p>{curriculum.description}</p>}
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('versionsTitle')}</h2>
        <ul className="versions">
          {curriculum.versions.map((v) => (
            <li key={v.id}>
              <span>{t('versionN', { version: v.version })}</span>
              <span className={`status ${v.status}`}>{t(`status_${v.status}`)}</span>
              {v.publishedAt && (
                <span className="hint">{t('publishedOn', { date: date(v.publishedAt) })}</span>
              )}
              {v.id === curriculum.currentVersionId && <span className="hint">{t('inUse')}</span>}
            </li>
          ))}
        </ul>
        {published !== undefined && (
          <p role="status" className="notice">
            {t('publishedNow', { version: published })}
          </p>
        )}
        {mayEdit && !editing && (
          <>
            <button type="button" className="button" disabled={startDraft.isPending} onClick={edit}>
              {openDraft ? t('continueDraft', { version: openDraft.version }) : t('edit')}
            </button>
            {!openDraft && <p className="hint">{t('editHint')}</p>}
          </>
        )}
        {!mayEdit && <p className="hint">{t('readOnly')}</p>}
        {startDraft.isError && (
          <p role="alert" className="problem">
            {startDraft.error instanceof ApiError &&
            startDraft.error.code === 'not_curriculum_owner'
              ? t('notEditor')
              : t('somethingWrong', { ns: 'translation' })}
          </p>
        )}
      </section>
      {editing && draft.isPending && <p>{t('loading', { ns: 'translation' })}</p>}
      {editing && draft.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      {editing && draft.data && (
        <DraftEditor
          key={draft.data.id}
          curriculumId={curriculum.id}
          draft={draft.data}
          onClose={() => setEditing(false)}
          onPublished={async (version) => {
            setEditing(false);
            setPublished(version.version);
            await refresh();
          }}
        />
      )}
      {!editing && (
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">
            {current ? t('sessionsOfVersion', { version: current.version }) : t('sessionsTitle')}
          </h2>
          {curriculum.modules.map((module, i) => (
            <ModuleView
              key={i}
              module={module}
              n={i + 1}
              curriculumId={curriculum.id}
              organizationId={curriculum.organizationId}
            />
          ))}
        </section>
      )}
    </>
  );
}
