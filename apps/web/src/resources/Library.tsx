import './resources.css';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { Field } from '../ui/Field';
import { languageName } from '../ui/languageName';
import { Problem } from '../ui/Problem';
import { library } from './keys';
import { ResourceItem } from './ResourceItem';
import { KINDS, type Kind, orgQuery, RESOURCE_LANGUAGES, useLibrary } from './useLibrary';

const FILTERS = ['q', 'kind', 'language', 'tag'] as const;

/** The address's organization without its filters. */
function keepOrg(params: URLSearchParams) {
  const org = params.get('org');
  return new URLSearchParams(org ? { org } : {});
}

/** `/resources`: the organization's library, filtered by words, kind, language and tag. */
export default function Library() {
  const { t, i18n } = useTranslation('resources');
  const { t: common } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Someone in several organizations reaches another's library through `?org=`.
  const org = useLibrary(params.get('org'));
  const filter = Object.fromEntries(
    FILTERS.map((name) => [name, params.get(name) ?? '']).filter(([, value]) => value !== ''),
  ) as Partial<Record<(typeof FILTERS)[number], string>>;
  const orgId = org?.organizationId ?? '';
  const resources = useInfiniteQuery({
    queryKey: library.list(orgId, filter),
    enabled: Boolean(org),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/resources', {
          params: {
            path: { orgId },
            query: {
              ...filter,
              kind: filter.kind as Kind | undefined,
              limit: 20,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });

  if (!org) return <p className="card">{t('noOrganization')}</p>;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = keepOrg(params);
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  const items = resources.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filter).length > 0;
  const curator = resources.data?.pages[0]?.canEdit ?? org.curator;
  return (
    <section className="resources-library">
      <div className="resources-head">
        <h1>{t('libraryTitle')}</h1>
        {curator && (
          <Link className="button primary" to={`/resources/new${orgQuery(orgId)}`}>
            {t('addResource')}
          </Link>
        )}
      </div>
      <p className="hint">{t('libraryLead')}</p>
      <Form className="card resources-filters" onSubmit={apply} key={params.toString()}>
        <Field
          name="q"
          type="search"
          label={t('search')}
          help={t('searchHelp')}
          defaultValue={filter.q}
          maxLength={100}
        />
        <div className="field">
          <label htmlFor="resource-kind">{t('kind')}</label>
          <select id="resource-kind" name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{t('anyKind')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="resource-language">{t('language')}</label>
          <select id="resource-language" name="language" defaultValue={filter.language ?? ''}>
            <option value="">{t('anyLanguage')}</option>
            {RESOURCE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.resolvedLanguage)}
              </option>
            ))}
          </select>
        </div>
        <Field name="tag" label={t('tag')} defaultValue={filter.tag} maxLength={40} />
        <div className="actions">
          <Button type="submit" className="primary">
            {t('filter')}
          </Button>
          {filtered && (
            <Button className="secondary" onPress={() => setParams(keepOrg(params))}>
              {t('clearFilters')}
            </Button>
          )}
        </div>
      </Form>
      {resources.isPending && <p>{common('loading')}</p>}
      {resources.isError && <Problem error={resources.error} />}
      {resources.isSuccess && items.length === 0 && (
        <p className="card">{filtered ? t('emptyFiltered') : t('empty')}</p>
      )}
      {items.length > 0 && (
        <ul className="resource-list" aria-label={t('libraryTitle')}>
          {items.map((item) => (
            <ResourceItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      {resources.hasNextPage && (
        <Button
          className="secondary"
          onPress={() => void resources.fetchNextPage()}
          isDisabled={resources.isFetchingNextPage}
        >
          {t('showMore')}
        </Button>
      )}
    </section>
  );
}
