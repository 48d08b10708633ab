import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { helpLocale } from './locale';
import './measures.css';

type Resource = Schemas['CrisisResourceView'];

/** One place to turn to, with what to press: call, text, or open the site. */
function ResourceCard({ resource }: { resource: Resource }) {
  const { t } = useTranslation('measures');
  return (
    <li className="card crisis-resource">
      <h3>{resource.name}</h3>
      <p>{resource.description}</p>
      {resource.hours && <p className="hint">{t('hours', { hours: resource.hours })}</p>}
      <p className="crisis-actions">
        {resource.phone && (
          <a className="button primary" href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`}>
            {t('call', { phone: resource.phone })}
          </a>
        )}
        {resource.sms && (
          <a className="button secondary" href={`sms:${resource.sms.replace(/[^\d+]/g, '')}`}>
            {t('text', { sms: resource.sms })}
          </a>
        )}
        {resource.url && (
          <a className="button secondary" href={resource.url} target="_blank" rel="noreferrer">
            {t('website')}
          </a>
        )}
      </p>
    </li>
  );
}

/** Crisis resources for the person's language and region: given, or read from the api. */
export function CrisisResources({ given }: { given?: Resource[] }) {
  const { t, i18n } = useTranslation('measures');
  const { t: common } = useTranslation();
  const locale = helpLocale(i18n.resolvedLanguage ?? 'en');
  const list = useQuery({
    queryKey: ['crisis-resources', locale],
    enabled: !given,
    queryFn: () => ok(api.GET('/api/v1/crisis-resources', { params: { query: { locale } } })),
    staleTime: 60 * 60_000,
  });
  const items = given ?? list.data?.items;
  if (!items) {
    return list.isError ? (
      <p role="alert">{common('somethingWrong')}</p>
    ) : (
      <p>{common('loading')}</p>
    );
  }
  return (
    <>
      <ul className="crisis-list">
        {items.map((resource) => (
          <ResourceCard
            key={`${resource.name}-${resource.phone ?? resource.url}`}
            resource={resource}
          />
        ))}
      </ul>
      <p className="hint">{t('helpEmergency')}</p>
    </>
  );
}
