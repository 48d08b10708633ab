import './side-room.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { sideRoomKeys } from './keys';

/**
 * Inside the session room: when a facilitator invites the person to a private conversation,
 * ask them; they join or say not now. Nobody is moved without their answer.
 */
export function SideRoomInvitation({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('sideRoom');
  const navigate = useNavigate();
  const queries = useQueryClient();
  const invitations = useQuery({
    queryKey: sideRoomKeys.mine,
    queryFn: () => ok(api.GET('/api/v1/me/side-rooms')),
    refetchInterval: 4_000,
  });
  const decline = useMutation({
    mutationFn: (sideRoomId: string) =>
      ok(
        api.POST('/api/v1/side-rooms/{sideRoomId}/decline', {
          params: { path: { sideRoomId } },
        }),
      ),
    onSettled: () => queries.invalidateQueries({ queryKey: sideRoomKeys.mine }),
  });
  const invitation = invitations.data?.items.find((i) => i.sessionId === sessionId);
  if (!invitation) return null;
  return (
    <section
      className="card side-room-invitation"
      role="alertdialog"
      aria-labelledby="invite-title"
    >
      <h2 id="invite-title">{t('invitation')}</h2>
      <p>{t('invitationHelp')}</p>
      <div className="actions">
        <Button
          className="primary"
          onPress={() => void navigate(`/side-rooms/${invitation.id}`)}
          autoFocus
        >
          {t('join')}
        </Button>
        <Button
          className="secondary"
          isDisabled={decline.isPending}
          onPress={() => decline.mutate(invitation.id)}
        >
          {t('notNow')}
        </Button>
      </div>
    </section>
  );
}
