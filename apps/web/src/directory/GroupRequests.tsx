import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import {
  Button,
  Input,
  Label,
  Radio,
  RadioGroup,
  Switch,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { isUuid } from '../ui/ids';
import * as keys from '../ui/queryKeys';
import { FormDialog } from '../ui/FormDialog';
import { Problem } from '../ui/Problem';
import { useDates } from '../ui/useDates';
import '../ui/dialog.css';
import './directory.css';

const requestsKey = (groupId: string) => ['groups', groupId, 'join-requests'];
const listingKey = (groupId: string) => ['groups', groupId, 'listing'];

type Screening = 'none' | 'phq2' | 'gad2';

/** The listing switch: open to requests in the public directory, and the screening offered. */
export function ListingSettings({ groupId, orgId }: { groupId: string; orgId?: string }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const listing = useQuery({
    queryKey: listingKey(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/listing', { params: { path: { groupId } } })),
  });
  const [draft, setDraft] = useState<{ open: boolean; screening: Screening }>();
  const save = useMutation({
    mutationFn: (next: { open: boolean; screening: Screening }) =>
      ok(
        api.PUT('/api/v1/groups/{groupId}/listing', {
          params: { path: { groupId } },
          body: {
            openToRequests: next.open,
            screening: next.screening === 'none' ? null : next.screening,
          },
        }),
      ),
    onSuccess: (saved) => queries.setQueryData(listingKey(groupId), saved),
  });
  if (listing.isPending) return <p>{common('loading')}</p>;
  if (listing.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const current = draft ?? {
    open: listing.data.openToRequests,
    screening: (listing.data.screening ?? 'none') as Screening,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(current);
  };
  return (
    <form className="card directory-listing" onSubmit={submit}>
      <h2>{t('listingTitle')}</h2>
      <Switch
        isSelected={current.open}
        onChange={(open) => (setDraft({ ...current, open }), save.reset())}
      >
        <span className="indicator" aria-hidden="true" />
        {t('listingOpen')}
      </Switch>
      <p className="hint">{t('listingHelp')}</p>
      <RadioGroup
        className="choice"
        value={current.screening}
        onChange={(value) => (
          setDraft({ ...current, screening: value as Screening }),
          save.reset()
        )}
      >
        <Label>{t('listingScreening')}</Label>
        {(['none', 'phq2', 'gad2'] as const).map((value) => (
          <Radio key={value} value={value}>
            {t(`screening_${value}`)}
          </Radio>
        ))}
      </RadioGroup>
      {save.error && <Problem error={save.error} />}
      {save.isSuccess && <p role="status">{t('saved')}</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('save')}
      </button>
      {orgId && listing.data.openToRequests && (
        <>
          <PublicAddress orgId={orgId} />
          <p>
            <Link to={`/o/${orgId}/groups/${groupId}`}>{t('publicLink')}</Link>
          </p>
        </>
      )}
    </form>
  );
}

/** The organization's public directory address, for facilitators to share where people look. */
function PublicAddress({ orgId }: { orgId: string }) {
  const { t } = useTranslation('directory');
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const address = new URL(`/o/${orgId}/groups`, window.location.origin).toString();
  const copy = () =>
    navigator.clipboard.writeText(address).then(
      () => setCopied('yes'),
      () => {
        // No clipboard (an insecure origin, or permission refused): select it for the person.
        field.current?.select();
        setCopied('failed');
      },
    );
  return (
    <div className="directory-address">
      <TextField className="field" value={address} isReadOnly>
        <Label>{t('publicAddress')}</Label>
        <Input ref={field} onFocus={(event) => event.target.select()} />
        <Text slot="description">{t('publicAddressHelp')}</Text>
      </TextField>
      <Button className="secondary" onPress={() => void copy()}>
        {t('copy')}
      </Button>
      <p role="status">{copied && (copied === 'yes' ? t('copied') : t('copyFailed'))}</p>
    </div>
  );
}

function DeclineDialog({
  request,
  onDone,
}: {
  request: Schemas['GroupJoinRequestView'];
  onDone: () => void;
}) {
  const { t } = useTranslation('directory');
  const [message, setMessage] = useState('');
  const decline = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/join-requests/{requestId}/decline', {
          params: { path: { requestId: request.id } },
          body: message.trim() ? { message: message.trim() } : {},
        }),
      ),
  });
  return (
    <FormDialog
      ariaLabel={t('declineWhich', { name: request.displayName })}
      label={t('decline')}
      title={t('declineTitle', { name: request.displayName })}
      error={decline.error}
      cancel={t('cancel')}
      submit={t('declineSend')}
      isPending={decline.isPending}
      onSubmit={(_event, close) =>
        decline.mutate(undefined, { onSuccess: () => (close(), onDone()) })
      }
    >
      <TextField className="field" value={message} onChange={setMessage} maxLength={1000}>
        <Label>{t('declineMessage')}</Label>
        <TextArea rows={4} />
        <Text slot="description">{t('declineHelp')}</Text>
      </TextField>
    </FormDialog>
  );
}

function RequestItem({
  request,
  full,
  onChanged,
}: {
  request: Schemas['GroupJoinRequestView'];
  full: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('directory');
  const when = useDates().mediumDate;
  const approve = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/join-requests/{requestId}/approve', {
          params: { path: { requestId: request.id } },
        }),
      ),
    onSettled: onChanged,
  });
  const { screening } = request;
  const pending = request.status === 'pending';
  return (
    <li className="card directory-request">
      <h3>{request.displayName}</h3>
      <p className="hint">
        {pending
          ? t('askedOn', { when: when(request.createdAt) })
          : t('decidedStatus', {
              status: t(`decided_${request.status}`),
              when: when(request.decidedAt ?? request.createdAt),
            })}
      </p>
      {request.note && (
        <div className="directory-message">
          <h4>{t('noteFrom')}</h4>
          <p>{request.note}</p>
        </div>
      )}
      {screening && (
        <p>
          {screening.score === undefined
            ? t('screeningAnswered')
            : t('screeningScore', {
                instrument: screening.instrument === 'phq2' ? 'PHQ-2' : 'GAD-2',
                score: screening.score,
              })}
        </p>
      )}
      {pending && (
        <div className="actions">
          <Button
            className="primary"
            isDisabled={approve.isPending}
            aria-label={
              full
                ? t('waitlistWhich', { name: request.displayName })
                : t('approveWhich', { name: request.displayName })
            }
            onPress={() => approve.mutate()}
          >
            {full ? t('waitlistIt') : t('approve')}
          </Button>
          <DeclineDialog request={request} onDone={onChanged} />
        </div>
      )}
      {approve.error && !(approve.error instanceof ApiError && approve.error.status === 409) && (
        <Problem error={approve.error} />
      )}
    </li>
  );
}

/** The group's requests to join, pending first: approve (or waitlist when full) or decline. */
export function GroupRequestsPanel({ groupId, orgId }: { groupId: string; orgId?: string }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const requests = useQuery({
    queryKey: requestsKey(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}/join-requests', { params: { path: { groupId } } })),
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: requestsKey(groupId) });
  return (
    <div className="directory-requests">
      <ListingSettings groupId={groupId} orgId={orgId} />
      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t('requestsTitle')}</h2>
        {requests.isPending ? (
          <p>{common('loading')}</p>
        ) : requests.isError ? (
          <p role="alert">{common('somethingWrong')}</p>
        ) : requests.data.items.length === 0 ? (
          <p className="card">{t('noRequests')}</p>
        ) : (
          <>
            <p role="status">
              {t('pendingCount', {
                count: requests.data.items.filter((r) => r.status === 'pending').length,
              })}
            </p>
            <ul className="directory-list">
              {requests.data.items.map((request) => (
                <RequestItem
                  key={request.id}
                  request={request}
                  full={requests.data.full}
                  onChanged={refresh}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** `/groups/:groupId/requests`: the facilitators' requests and listing, one page. */
export default function GroupRequests() {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const { groupId } = useParams();
  const group = useQuery({
    queryKey: keys.groups.one(groupId ?? ''),
    enabled: isUuid(groupId),
    queryFn: () =>
      ok(api.GET('/api/v1/groups/{groupId}', { params: { path: { groupId: groupId! } } })),
  });
  if (!isUuid(groupId)) return <p role="alert">{t('notFound')}</p>;
  if (group.isPending) return <p>{common('loading')}</p>;
  if (group.isError) return <p role="alert">{common('somethingWrong')}</p>;
  return (
    <>
      <h1>{group.data.name}</h1>
      <p>
        <Link to={`/groups/${groupId}`}>{t('openGroup')}</Link>
      </p>
      <GroupRequestsPanel groupId={groupId} orgId={group.data.organizationId} />
    </>
  );
}
