import './resources.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { isUuid } from '../ui/ids';
import { Problem } from '../ui/Problem';
import { library } from './keys';
import { ResourceItem } from './ResourceItem';

/**
 * "For this session": the resources of the session's curriculum module, on the member's group
 * and session pages: a card of its own, or (`nested`) a part of the card it sits in.
 */
export function SessionResources({
  sessionId,
  nested = false,
}: {
  sessionId: string;
  nested?: boolean;
}) {
  const { t } = useTranslation('resources');
  const { t: common } = useTranslation();
  const resources = useQuery({
    queryKey: library.session(sessionId),
    enabled: isUuid(sessionId),
    queryFn: () =>
      ok(api.GET('/api/v1/sessions/{sessionId}/resources', { params: { path: { sessionId } } })),
  });
  const items = resources.data?.items ?? [];
  const titleId = `session-resources-${sessionId}`;
  const Heading = nested ? 'h3' : 'h2';
  return (
    <section
      className={nested ? 'session-resources' : 'card session-resources'}
      aria-labelledby={titleId}
    >
      <Heading id={titleId}>{t('forThisSession')}</Heading>
      {resources.isPending && <p>{common('loading')}</p>}
      {resources.isError && <Problem error={resources.error} />}
      {resources.isSuccess && items.length === 0 && (
        <p className="hint">{t('forThisSessionNone')}</p>
      )}
      {items.length > 0 && (
        <ul className="resource-list compact">
          {items.map((item) => (
            <ResourceItem key={item.id} item={item} headingLevel={nested ? 4 : 3} />
          ))}
        </ul>
      )}
    </section>
  );
}
