import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { PROFILE_KEY } from '../profile/useProfile';
import { useDates } from '../ui/useDates';
import './me.css';

const INVITATIONS_KEY = ['me', 'invitations'];

type Invitation = Schemas['OpenInvitationView'];

/** On home: invitations to the person's confirmed address, to accept or decline in place. */
export function OpenInvitations() {
  const { t } = useTranslation('me');
  const day = useDates().date;
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<string>();
  const invitations = useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: () => ok(api.GET('/api/v1/me/invitations')),
  });
  const answer = useMutation({
    mutationFn: async ({ invitation, accept }: { invitation: Invitation; accept: boolean }) => {
      const params = { params: { path: { invitationId: invitation.id } } };
      if (accept) await ok(api.POST('/api/v1/me/invitations/{invitationId}/accept', params));
      else await ok(api.POST('/api/v1/me/invitations/{invitationId}/decline', params));
    },
    onSuccess: async (_, { invitation, accept }) => {
      const organization = invitation.organizationName;
      setOutcome(
        accept
          ? t('invitationAccepted', { organization })
          : t('invitationDeclined', { organization }),
      );
      await queries.invalidateQueries({ queryKey: INVITATIONS_KEY });
      // A new membership changes what the person sees (navigation, groups).
      if (accept) await queries.invalidateQueries({ queryKey: PROFILE_KEY });
    },
  });
  const items = invitations.data?.items ?? [];
  if (!items.length && !outcome) return null;
  return (
    <section className="card me-invitations" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitationsTitle')}</h2>
      <p role="status">{outcome}</p>
      {answer.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      <ul className="me-list">
        {items.map((invitation) => {
          const organization = invitation.organizationName;
          return (
            <li key={invitation.id} className="me-invitation">
              <p>
                {t('invitationLine', { organization, role: t(`role_${invitation.role}`) })}{' '}
                <span className="hint">
                  {t('invitationExpires', { date: day(invitation.expiresAt) })}
                </span>
              </p>
              <div className="me-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={answer.isPending}
                  aria-label={t('acceptWhich', { organization })}
                  onClick={() => answer.mutate({ invitation, accept: true })}
                >
                  {t('accept')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={answer.isPending}
                  aria-label={t('declineWhich', { organization })}
                  onClick={() => answer.mutate({ invitation, accept: false })}
                >
                  {t('decline')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
