import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useDates } from '../ui/useDates';
import './directory.css';

export const MY_REQUESTS_KEY = ['me', 'join-requests'];

export function useMyRequests() {
  return useQuery({
    queryKey: MY_REQUESTS_KEY,
    queryFn: () => ok(api.GET('/api/v1/me/join-requests')),
  });
}

function Request({ request }: { request: Schemas['MyJoinRequestView'] }) {
  const { t } = useTranslation('directory');
  const when = useDates().mediumDate;
  const queries = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      ok(
        api.DELETE('/api/v1/join-requests/{requestId}', {
          params: { path: { requestId: request.id } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: MY_REQUESTS_KEY }),
  });
  return (
    <li className="card directory-request">
      <h2>{request.groupName}</h2>
      <p>
        <span className={`badge status-${request.status}`}>{t(`status_${request.status}`)}</span>{' '}
        <span className="hint">{t('askedOn', { when: when(request.createdAt) })}</span>
      </p>
      {request.status === 'declined' && request.message && (
        <div className="directory-message">
          <h3>{t('messageFrom')}</h3>
          <p>{request.message}</p>
        </div>
      )}
      {(request.status === 'approved' || request.status === 'waitlisted') && (
        <p>
          <Link to={`/groups/${request.groupId}`}>{t('openGroup')}</Link>
        </p>
      )}
      {request.status === 'pending' && (
        <ConfirmDialog
          label={t('withdraw')}
          ariaLabel={t('withdrawWhich', { name: request.groupName })}
          title={t('withdrawTitle')}
          cancel={t('keep')}
          confirm={t('withdraw')}
          isPending={withdraw.isPending}
          error={withdraw.error}
          onConfirm={(close) => withdraw.mutate(undefined, { onSuccess: close })}
        >
          <p>{t('withdrawText')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** The person's requests with their answers; empty, it says so (home shows it only when any). */
export function MyRequestsList({ heading = 'h1' }: { heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const requests = useMyRequests();
  const Heading = heading;
  if (requests.isPending) return <p>{common('loading')}</p>;
  if (requests.isError) return <p role="alert">{common('somethingWrong')}</p>;
  return (
    <section className="directory-mine" aria-labelledby="my-requests-title">
      <Heading id="my-requests-title">{t('myRequestsTitle')}</Heading>
      {requests.data.items.length === 0 ? (
        <p className="card">{t('myRequestsEmpty')}</p>
      ) : (
        <ul className="directory-list">
          {requests.data.items.map((request) => (
            <Request key={request.id} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/me/requests`: where the answer e-mail leads. */
export default function MyRequests() {
  return <MyRequestsList />;
}
