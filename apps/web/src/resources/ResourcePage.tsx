import './resources.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { isUuid } from '../ui/ids';
import { languageName } from '../ui/languageName';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import { library } from './keys';
import { OutboundLink } from './ResourceItem';
import { orgQuery } from './useLibrary';

/** `/resources/:resourceId`: the text to read (as text, never HTML), or the way out to it. */
export default function ResourcePage() {
  const { t, i18n } = useTranslation('resources');
  const { t: common } = useTranslation();
  const { resourceId = '' } = useParams();
  const valid = isUuid(resourceId);
  const date = useDates().date;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const resource = useQuery({
    queryKey: library.one(resourceId),
    enabled: valid,
    queryFn: () =>
      ok(api.GET('/api/v1/resources/{resourceId}', { params: { path: { resourceId } } })),
  });
  const remove = useMutation({
    mutationFn: () =>
      ok(api.DELETE('/api/v1/resources/{resourceId}', { params: { path: { resourceId } } })),
    onSuccess: async () => {
      queries.removeQueries({ queryKey: library.one(resourceId) });
      // Its library's lists (every filter); not everything else read about organizations.
      if (resource.data) {
        await queries.invalidateQueries({
          queryKey: library.list(resource.data.organizationId),
        });
      }
      void navigate(`/resources${libraryOf}`);
    },
  });
  // Back to the library this resource is in (the person may belong to several).
  const libraryOf = resource.data ? orgQuery(resource.data.organizationId) : '';
  const back = (
    <p className="crumb">
      <Link to={`/resources${libraryOf}`}>{t('backToLibrary')}</Link>
    </p>
  );
  if (!valid || (resource.error instanceof ApiError && resource.error.status === 404)) {
    return (
      <section className="resources-one">
        {back}
        <p className="card">{t('notFound')}</p>
      </section>
    );
  }
  if (resource.isError) return <Problem error={resource.error} />;
  if (!resource.data) return <p>{common('loading')}</p>;
  const item = resource.data;
  return (
    <article className="resources-one">
      {back}
      <p className="resource-meta">
        <span className={`badge kind-${item.kind}`}>{t(`kind_${item.kind}`)}</span>{' '}
        <span className="hint">
          {t('languageOf', { language: languageName(item.language, i18n.resolvedLanguage) })}
        </span>
      </p>
      <h1 lang={item.language}>{item.title}</h1>
      {item.url && <OutboundLink url={item.url} />}
      {item.body && (
        <div className="card resource-body" lang={item.language}>
          {item.body}
        </div>
      )}
      {item.tags.length > 0 && (
        <ul className="resource-tags" aria-label={t('tagsLabel')}>
          {item.tags.map((tag) => (
            <li key={tag}>
              <Link
                to={`/resources${orgQuery(item.organizationId)}&tag=${encodeURIComponent(tag)}`}
              >
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        {t('updatedOn', { date: date(item.updatedAt) })}
        {item.canEdit && item.createdBy && (
          <> · {t('addedBy', { name: item.createdBy.displayName })}</>
        )}
      </p>
      {item.canEdit && (
        <div className="actions">
          <Link className="button secondary" to={`/resources/${item.id}/edit`}>
            {t('edit')}
          </Link>
          <ConfirmDialog
            label={t('delete')}
            title={t('deleteTitle', { title: item.title })}
            cancel={t('goBack')}
            confirm={t('confirmDelete')}
            isPending={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
          >
            <p>{t('deleteText')}</p>
          </ConfirmDialog>
        </div>
      )}
    </article>
  );
}
