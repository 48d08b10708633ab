import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import * as keys from '../ui/queryKeys';

const FacilitatorGroup = lazy(() => import('./FacilitatorGroup'));
const MemberGroup = lazy(() => import('../me/MemberGroup'));

export const groupKey = keys.groups.one;

/** `/groups/:groupId`, the address e-mails link to: the facilitators' view or the members'. */
export default function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const group = useQuery({
    queryKey: groupKey(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}', { params: { path: { groupId } } })),
  });
  if (group.isPending) return <p>{t('loading')}</p>;
  if (group.isError) return <p role="alert">{t('somethingWrong')}</p>;
  return group.data.viewerRole === 'facilitator' ? (
    <FacilitatorGroup group={group.data} />
  ) : (
    <MemberGroup group={group.data} />
  );
}
