import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { isUuid } from '../ui/ids';
import { GroupFacts, useReaderZone } from './GroupCard';
import './directory.css';

export const listingKey = (orgId: string, groupId: string, language?: string) => [
  'directory',
  orgId,
  groupId,
  language,
];

/** One listed group, in the reader's language (the screening's questions come translated). */
export function useListing(orgId: string, groupId: string) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return useQuery({
    queryKey: listingKey(orgId, groupId, language),
    queryFn: () =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/directory/{groupId}', {
          params: { path: { orgId, groupId } },
          headers: language ? { 'accept-language': language } : {},
        }),
      ),
  });
}

function DirectoryGroupPage({ orgId, groupId }: { orgId: string; groupId: string }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const zone = useReaderZone();
  const listing = useListing(orgId, groupId);
  if (listing.isPending) return <p>{common('loading')}</p>;
  if (listing.isError) {
    const missing = listing.error instanceof ApiError && listing.error.status === 404;
    return <p role="alert">{missing ? t('notFound') : common('somethingWrong')}</p>;
  }
  const group = listing.data;
  return (
    <article className="directory directory-group">
      <p>
        <Link to={`/o/${orgId}/groups`}>{t('backToGroups')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="hint">{group.organizationName}</p>
      {group.description && <p className="lead">{group.description}</p>}
      <p>{t(`kindHelp_${group.kind}`)}</p>
      <div className="card">
        <GroupFacts group={group} all />
        <p className="hint">{t('timesIn', { zone: zone.replaceAll('_', ' ') })}</p>
        {group.screening && <p className="hint">{t('screeningAsked')}</p>}
      </div>
      <Link className="button primary" to={`/o/${orgId}/groups/${groupId}/ask`}>
        {t('askToJoin')}
      </Link>
    </article>
  );
}

/** `/o/:orgId/groups/:groupId`: a listed group, and "Ask to join"; no sign-in to read it. */
export default function DirectoryGroup() {
  const { t } = useTranslation('directory');
  const { orgId, groupId } = useParams();
  if (!isUuid(orgId) || !isUuid(groupId)) return <p role="alert">{t('notFound')}</p>;
  return <DirectoryGroupPage orgId={orgId} groupId={groupId} />;
}
