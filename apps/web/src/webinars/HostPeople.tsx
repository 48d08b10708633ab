import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useAuth } from '../auth/useAuth';
import { STAFF, useOrganization } from '../org/useOrganization';
import { Field } from '../ui/Field';
import { useMembers } from '../org/useMembers';

const PAGE = 200;

/** Who registered, 200 at a time; a host lets someone speak, or moves them back to listening. */
export function Attendees({ webinarId }: { webinarId: string }) {
  const { t } = useTranslation('webinars');
  const client = useQueryClient();
  const queryKey = ['webinars', webinarId, 'registrations'];
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    refetchInterval: 10_000,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/webinars/{webinarId}/registrations', {
          params: { path: { webinarId }, query: { limit: PAGE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor,
  });
  const promote = useMutation({
    mutationFn: ({ registrationId, promoted }: { registrationId: string; promoted: boolean }) => {
      const params = { params: { path: { webinarId, registrationId } } };
      return promoted
        ? ok(api.POST('/api/v1/webinars/{webinarId}/attendees/{registrationId}/promote', params))
        : ok(api.POST('/api/v1/webinars/{webinarId}/attendees/{registrationId}/demote', params));
    },
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  const attendees = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="attendees-title">
      <h2 id="attendees-title">{t('attendeesTitle')}</h2>
      {list.isError && <p role="alert">{t('somethingWrong', { ns: 'translation' })}</p>}
      {promote.isError && <p role="alert">{t('actionFailed')}</p>}
      {list.data && attendees.length === 0 && <p className="hint">{t('noAttendees')}</p>}
      <ul className="people" aria-label={t('attendeesTitle')}>
        {attendees.map((person) => (
          <li key={person.id}>
            <div className="who" id={`reg-${person.id}`}>
              <strong>{person.displayName}</strong>
              {person.promoted && <span className="badge">{t('speaking')}</span>}
              <span className="hint email">{person.email}</span>
            </div>
            <Button
              className={person.promoted ? 'secondary danger' : 'secondary'}
              aria-describedby={`reg-${person.id}`}
              onPress={() =>
                promote.mutate({ registrationId: person.id, promoted: !person.promoted })
              }
            >
              {person.promoted ? t('demote') : t('promote')}
            </Button>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('moreAttendees')}
        </button>
      )}
    </section>
  );
}

/** Guest speakers: invited by name and e-mail; each gets a personal link by e-mail. */
export function Speakers({ webinarId }: { webinarId: string }) {
  const { t } = useTranslation('webinars');
  const client = useQueryClient();
  const queryKey = ['webinars', webinarId, 'speakers'];
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [invited, setInvited] = useState('');
  const speakers = useQuery({
    queryKey,
    queryFn: () =>
      ok(api.GET('/api/v1/webinars/{webinarId}/speakers', { params: { path: { webinarId } } })),
  });
  const invite = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/webinars/{webinarId}/speakers', {
          params: { path: { webinarId } },
          body: { displayName: displayName.trim(), email: email.trim() },
        }),
      ),
    onSuccess: (speaker) => {
      setInvited(t('speakerInvited', { name: speaker.displayName }));
      setDisplayName('');
      setEmail('');
      void client.invalidateQueries({ queryKey });
    },
  });
  return (
    <section className="card" aria-labelledby="speakers-title">
      <h2 id="speakers-title">{t('speakersTitle')}</h2>
      {speakers.data &&
        (speakers.data.items.length === 0 ? (
          <p className="hint">{t('noSpeakers')}</p>
        ) : (
          <ul className="people" aria-label={t('speakersTitle')}>
            {speakers.data.items.map((speaker) => (
              <li key={speaker.id}>
                <div className="who">
                  <strong>{speaker.displayName}</strong>
                  <span className="hint email">{speaker.email}</span>
                </div>
              </li>
            ))}
          </ul>
        ))}
      <h3>{t('inviteSpeaker')}</h3>
      <p className="hint">{t('inviteSpeakerHint')}</p>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          setInvited('');
          invite.mutate();
        }}
      >
        <Field
          label={t('speakerName')}
          isRequired
          maxLength={80}
          value={displayName}
          onChange={setDisplayName}
        />
        <Field
          label={t('speakerEmail')}
          type="email"
          isRequired
          maxLength={254}
          value={email}
          onChange={setEmail}
        />
        <p role="status" aria-live="polite">
          {invited}
        </p>
        {invite.isError && (
          <p role="alert" className="problem">
            {invite.error instanceof ApiError && invite.error.status === 400
              ? t('checkFields')
              : t('actionFailed')}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={invite.isPending}>
          {t('sendInvitation')}
        </Button>
      </Form>
    </section>
  );
}

/** Who hosts; owners and admins name other staff as hosts, or remove them. */
export function Hosts(props: { webinarId: string; hosts: Schemas['WebinarHostView'][] }) {
  const { t } = useTranslation('webinars');
  const { webinarId, hosts } = props;
  const organization = useOrganization();
  const auth = useAuth();
  const me = auth.status === 'signedIn' ? auth.user.id : '';
  const client = useQueryClient();
  const [choice, setChoice] = useState('');
  const manages = organization?.manages ?? false;
  const orgId = organization?.organizationId ?? '';
  const members = useMembers(orgId, manages);
  const change = useMutation({
    mutationFn: ({ userId, add }: { userId: string; add: boolean }) =>
      add
        ? ok(
            api.POST('/api/v1/webinars/{webinarId}/hosts', {
              params: { path: { webinarId } },
              body: { userId },
            }),
          )
        : ok(
            api.DELETE('/api/v1/webinars/{webinarId}/hosts/{userId}', {
              params: { path: { webinarId, userId } },
            }),
          ),
    onSuccess: () => {
      setChoice('');
      void client.invalidateQueries({ queryKey: ['webinars', webinarId, 'hosts'] });
    },
  });
  const named = new Set(hosts.map((host) => host.userId));
  const candidates =
    members.data?.filter((m) => STAFF.includes(m.role) && !named.has(m.userId)) ?? [];
  return (
    <section className="card" aria-labelledby="hosts-title">
      <h2 id="hosts-title">{t('hostsTitle')}</h2>
      <ul className="people" aria-label={t('hostsTitle')}>
        {hosts.map((host) => (
          <li key={host.userId}>
            <div className="who" id={`host-${host.userId}`}>
              <strong>{host.displayName}</strong>
              {host.userId === me && <span className="hint">{t('you')}</span>}
            </div>
            {manages && host.userId !== me && (
              <Button
                className="secondary danger"
                aria-describedby={`host-${host.userId}`}
                onPress={() => change.mutate({ userId: host.userId, add: false })}
              >
                {t('removeHost')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {change.isError && <p role="alert">{t('actionFailed')}</p>}
      {manages && candidates.length > 0 && (
        <form
          className="add-host"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) change.mutate({ userId: choice, add: true });
          }}
        >
          <div className="field">
            <label htmlFor="new-host">{t('addHostLabel')}</label>
            <select
              id="new-host"
              required
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('chooseStaff')}</option>
              {candidates.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.displayName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary" disabled={change.isPending}>
            {t('addHost')}
          </button>
        </form>
      )}
    </section>
  );
}
