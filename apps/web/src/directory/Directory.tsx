import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { isUuid } from '../ui/ids';
import { GroupCard, useReaderZone } from './GroupCard';
import './directory.css';

export const directoryKey = (orgId: string) => ['directory', orgId];

function DirectoryPage({ orgId }: { orgId: string }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const zone = useReaderZone();
  const list = useQuery({
    queryKey: directoryKey(orgId),
    queryFn: () =>
      ok(api.GET('/api/v1/organizations/{orgId}/directory', { params: { path: { orgId } } })),
  });
  if (list.isPending) return <p>{common('loading')}</p>;
  if (list.isError) {
    const missing = list.error instanceof ApiError && list.error.status === 404;
    return <p role="alert">{missing ? t('notFound') : common('somethingWrong')}</p>;
  }
  const { organizationName, items } = list.data;
  return (
    <section className="directory">
      <h1>{t('directoryTitle', { organization: organizationName })}</h1>
      <p className="lead">{t('directoryLead')}</p>
      <p className="hint">{t('timesIn', { zone: zone.replaceAll('_', ' ') })}</p>
      {items.length === 0 ? (
        <p className="card">{t('noGroups')}</p>
      ) : (
        <ul className="directory-list">
          {items.map((group) => (
            <GroupCard key={group.id} orgId={orgId} group={group} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/o/:orgId/groups`: an organization's groups open to requests, for anyone, no sign-in. */
export default function Directory() {
  const { t } = useTranslation('directory');
  const { orgId } = useParams();
  if (!isUuid(orgId)) return <p role="alert">{t('notFound')}</p>;
  return <DirectoryPage orgId={orgId} />;
}
