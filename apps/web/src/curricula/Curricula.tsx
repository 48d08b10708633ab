import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useOrganization } from '../org/useOrganization';
import { curriculaKey, curriculumKey } from './queries';
import './curricula.css';
import * as keys from '../ui/queryKeys';

/** The organization's programs, and the built-in ones to start a new program from. */
export default function Curricula() {
  const { t } = useTranslation('curricula');
  const organization = useOrganization();
  if (!organization) {
    return (
      <section className="card">
        <h1>{t('title')}</h1>
        <p>{t('staffOnly')}</p>
      </section>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <OwnCurricula organizationId={organization.organizationId} />
      <Templates organizationId={organization.organizationId} />
    </>
  );
}

export function useApproach() {
  const { t } = useTranslation('curricula');
  return (approach: string) =>
    approach === 'cbt' || approach === 'mbct' ? t(`approach_${approach}`) : t('approach_custom');
}

function OwnCurricula({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('curricula');
  const approach = useApproach();
  const curricula = useInfiniteQuery({
    queryKey: keys.pages(curriculaKey(organizationId)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/curricula', {
          params: { path: { orgId: organizationId }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
  });
  const items = curricula.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="own-title">
      <h2 id="own-title">{t('ownTitle')}</h2>
      {curricula.isPending && <p>{t('loading', { ns: 'translation' })}</p>}
      {curricula.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      {curricula.isSuccess && items.length === 0 && <p className="card">{t('noneYet')}</p>}
      <ul className="programs">
        {items.map((c) => (
          <li key={c.id} className="card">
            <h3>
              <Link to={`/curricula/${c.id}`}>{c.title}</Link>
            </h3>
            <p className="hint">{approach(c.approach)}</p>
            <p>
              {c.currentVersion !== null &&
                t('versionSessions', { version: c.currentVersion, count: c.moduleCount })}
            </p>
            {c.status === 'draft' && (
              <p>
                <span className="status draft">
                  {t('draftWaiting', { version: c.latestVersion })}
                </span>
              </p>
            )}
          </li>
        ))}
      </ul>
      {curricula.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={curricula.isFetchingNextPage}
          onClick={() => void curricula.fetchNextPage()}
        >
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

function Templates({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('curricula');
  const approach = useApproach();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const templates = useQuery({
    queryKey: keys.curricula.templates,
    staleTime: Infinity,
    queryFn: () => ok(api.GET('/api/v1/curriculum-templates')),
  });
  const create = useMutation({
    mutationFn: (templateKey: string) =>
      ok(
        api.POST('/api/v1/organizations/{orgId}/curricula', {
          params: { path: { orgId: organizationId } },
          body: { templateKey },
        }),
      ),
    onSuccess: async (created) => {
      queries.setQueryData(curriculumKey(created.id), created);
      await queries.invalidateQueries({ queryKey: curriculaKey(organizationId) });
      await navigate(`/curricula/${created.id}`);
    },
  });
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templatesTitle')}</h2>
      <p className="hint">{t('templatesText')}</p>
      {templates.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      <ul className="programs">
        {templates.data?.items.map((template: Schemas['CurriculumTemplateView']) => (
          <li key={template.key} className="card">
            <h3 id={`template-${template.key}`}>{template.title}</h3>
            <p className="hint">{approach(template.approach)}</p>
            <p>
              {t('sessionsOf', {
                count: template.sessionCount,
                minutes: template.sessionMinutes,
              })}
            </p>
            <button
              type="button"
              className="button"
              disabled={create.isPending}
              aria-describedby={`template-${template.key}`}
              onClick={() => create.mutate(template.key)}
            >
              {t('useTemplate')}
            </button>
          </li>
        ))}
      </ul>
      {create.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
    </section>
  );
}
