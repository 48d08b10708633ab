import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../ui/languageName';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { hostOf, safeHttps } from './useLibrary';

type Summary = Schemas['ResourceSummaryView'];

/** The outbound link of a resource: it says where it goes and that it leaves Hearth. */
export function OutboundLink({ url }: { url: string }) {
  const { t } = useTranslation('resources');
  const hintId = useId();
  const href = safeHttps(url);
  if (!href) return null;
  const host = hostOf(href);
  return (
    <p className="resource-outbound">
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        referrerPolicy="no-referrer"
        aria-describedby={hintId}
      >
        {t('openOutside', { host })} <span aria-hidden="true">↗</span>
      </a>
      <span className="hint" id={hintId}>
        {t('leavesHearth', { host })}
      </span>
    </p>
  );
}

/** One resource in a list: its kind, title (to read it in Hearth), language, tags and excerpt. */
export function ResourceItem({
  item,
  headingLevel = 2,
}: {
  item: Summary;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation('resources');
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="resource-item">
      <p className="resource-meta">
        <span className={`badge kind-${item.kind}`}>{t(`kind_${item.kind}`)}</span>{' '}
        <span className="hint" lang={item.language}>
          {languageName(item.language, i18n.resolvedLanguage)}
        </span>
      </p>
      <Heading className="resource-title">
        <Link to={`/resources/${item.id}`} lang={item.language}>
          {item.title}
        </Link>
      </Heading>
      {item.excerpt && (
        <p className="resource-excerpt" lang={item.language}>
          {item.excerpt.length >= 240 ? `${item.excerpt}…` : item.excerpt}
        </p>
      )}
      {item.url && <OutboundLink url={item.url} />}
      {item.tags.length > 0 && (
        <ul className="resource-tags" aria-label={t('tagsLabel')}>
          {item.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
