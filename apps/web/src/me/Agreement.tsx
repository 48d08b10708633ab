import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { isUuid } from '../ui/ids';
import { useDates } from '../ui/useDates';
import { agreementKey, useAgreement } from './useAgreement';
import './me.css';
import * as keys from '../ui/queryKeys';

/** Where to go back after consenting: only the join page of a session, never another address. */
const JOIN_PATH = /^\/sessions\/[0-9a-f-]{36}\/join$/i;

function AgreementPage({ groupId }: { groupId: string }) {
  const { t } = useTranslation('me');
  const { t: common } = useTranslation();
  const day = useDates().date;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [search] = useSearchParams();
  const back = search.get('return');
  const returnTo = back && JOIN_PATH.test(back) ? back : null;
  const group = useQuery({
    queryKey: keys.groups.one(groupId),
    queryFn: () => ok(api.GET('/api/v1/groups/{groupId}', { params: { path: { groupId } } })),
  });
  const state = useAgreement(groupId);
  const consent = useMutation({
    mutationFn: (agreementVersion: number) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/consent', {
          params: { path: { groupId } },
          body: { agreementVersion },
        }),
      ),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: agreementKey(groupId) });
      if (returnTo) void navigate(returnTo, { replace: true, state: { consented: true } });
    },
    onError: (error) => {
      // Changed while it was being read: show the new text, to be read and agreed to again.
      if (error instanceof ApiError && error.code === 'agreement_outdated') {
        void queries.invalidateQueries({ queryKey: agreementKey(groupId) });
      }
    },
  });

  if (state.isPending || group.isPending) return <p>{common('loading')}</p>;
  if (state.isError || group.isError) {
    const missing = [state.error, group.error].some(
      (e) => e instanceof ApiError && e.status === 404,
    );
    return <p role="alert">{missing ? t('groupNotFound') : common('somethingWrong')}</p>;
  }
  const { agreement, consentRequired, consentedAt } = state.data;
  const outdated = consent.error instanceof ApiError && consent.error.code === 'agreement_outdated';
  return (
    <article className="card me-agreement">
      <h1>{t('agreementTitle')}</h1>
      <p className="group">{t('agreementFor', { group: group.data.name })}</p>
      {!agreement ? (
        <p>{t('agreementNone')}</p>
      ) : (
        <>
          <p className="hint">{t('agreementIntro')}</p>
          <div className="me-agreement-text">{agreement.text}</div>
          {outdated && (
            <p role="alert" className="problem">
              {t('agreementChanged')}
            </p>
          )}
          {consent.isError && !outdated && (
            <p role="alert" className="problem">
              {common('somethingWrong')}
            </p>
          )}
          {consentRequired ? (
            <Button
              className="primary"
              isDisabled={consent.isPending}
              onPress={() => consent.mutate(agreement.version)}
            >
              {consent.isPending ? t('agreeSaving') : t('agreeButton')}
            </Button>
          ) : (
            consentedAt && (
              <p role="status">
                <strong>{t('agreedNow', { date: day(consentedAt) })}</strong>
              </p>
            )
          )}
        </>
      )}
      <p>
        {returnTo && !consentRequired ? (
          <Link to={returnTo}>{t('backToJoining')}</Link>
        ) : (
          <Link to={`/groups/${groupId}`}>{t('backToGroup')}</Link>
        )}
      </p>
    </article>
  );
}

/** `/groups/:groupId/agreement`: the organization's group agreement in full, and consent to it. */
export default function Agreement() {
  const { t } = useTranslation('me');
  const { groupId } = useParams();
  if (!isUuid(groupId)) return <p role="alert">{t('groupNotFound')}</p>;
  return <AgreementPage groupId={groupId} />;
}
