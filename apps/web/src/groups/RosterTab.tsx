import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useParticipants } from '../org/useMembers';
import * as keys from '../ui/queryKeys';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Problem } from '../ui/Problem';

/** After an enrolment or a withdrawal: the roster, the group's counts and the groups list. */
const rosterChanged = (queries: QueryClient, group: Group) =>
  Promise.all([
    queries.invalidateQueries({ queryKey: keys.groups.enrollments(group.id) }),
    queries.invalidateQueries({ queryKey: keys.groups.one(group.id), exact: true }),
    queries.invalidateQueries({ queryKey: keys.organizations.groups(group.organizationId) }),
  ]);

type Group = Schemas['GroupDetailView'];
type Entry = Schemas['RosterEntry'];

/** The Roster tab: members with a seat, the waitlist in order, enrolling and withdrawing. */
export function RosterTab({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const { t: common } = useTranslation();
  const roster = useQuery({
    queryKey: keys.groups.enrollments(group.id),
    queryFn: () =>
      ok(
        api.GET('/api/v1/groups/{groupId}/enrollments', {
          params: { path: { groupId: group.id }, query: { limit: 200 } },
        }),
      ).then((page) => page.items),
  });
  if (roster.isPending) return <p>{common('loading')}</p>;
  if (roster.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const active = roster.data.filter((e) => e.status === 'active');
  const waiting = roster.data.filter((e) => e.status === 'waitlisted');
  return (
    <div className="roster">
      <EnrollForm group={group} enrolled={new Set(roster.data.map((e) => e.userId))} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">
          {t('membersTitle', { count: active.length, capacity: group.capacity })}
        </h2>
        {active.length === 0 ? (
          <p>{t('noMembers')}</p>
        ) : (
          <ul className="people">
            {active.map((entry) => (
              <Person key={entry.id} entry={entry} group={group} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">{t('waitlistTitle', { count: waiting.length })}</h2>
        {waiting.length === 0 ? (
          <p>{t('noWaitlist')}</p>
        ) : (
          <ol className="people">
            {waiting.map((entry) => (
              <Person key={entry.id} entry={entry} group={group} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Person({ entry, group }: { entry: Entry; group: Group }) {
  const { t } = useTranslation('groups');
  const queries = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      ok(
        api.DELETE('/api/v1/enrollments/{enrollmentId}', {
          params: { path: { enrollmentId: entry.id } },
        }),
      ),
    onSuccess: () => rosterChanged(queries, group),
  });
  return (
    <li>
      <span className="who">{entry.displayName}</span>
      {entry.status === 'active' && entry.consentedVersion === null && (
        <span className="hint">{t('noConsentYet')}</span>
      )}
      <ConfirmDialog
        label={t('withdraw')}
        ariaLabel={t('withdrawWho', { name: entry.displayName })}
        className="secondary"
        title={t('withdrawTitle', { name: entry.displayName })}
        cancel={t('keepThem')}
        confirm={t('confirmWithdraw')}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={(close) => withdraw.mutate(undefined, { onSuccess: close })}
      >
        <p>{entry.status === 'active' ? t('withdrawActive') : t('withdrawWaiting')}</p>
      </ConfirmDialog>
    </li>
  );
}

function EnrollForm({ group, enrolled }: { group: Group; enrolled: Set<string> }) {
  const { t } = useTranslation('groups');
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<Schemas['EnrollmentView'] | null>(null);
  const members = useParticipants(group.organizationId);
  const enroll = useMutation({
    mutationFn: (userId: string) =>
      ok(
        api.POST('/api/v1/groups/{groupId}/enrollments', {
          params: { path: { groupId: group.id } },
          body: { userId },
        }),
      ),
    onSuccess: async (enrollment) => {
      setOutcome(enrollment);
      await rosterChanged(queries, group);
    },
  });
  const candidates = (members.data ?? []).filter((m) => !enrolled.has(m.userId));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get('member') ?? '');
    if (userId) enroll.mutate(userId);
  }
  const name = (userId: string) =>
    members.data?.find((m) => m.userId === userId)?.displayName ?? '';
  return (
    <section className="card" aria-labelledby="enroll-title">
      <h2 id="enroll-title">{t('enrollTitle')}</h2>
      {members.isError && <p className="problem">{t('membersUnavailable')}</p>}
      {members.data && candidates.length === 0 && (
        // No participant at all is not the same as everyone already enrolled.
        <p>{members.data.length === 0 ? t('nobodyElse') : t('noCandidates')}</p>
      )}
      {candidates.length > 0 && (
        <Form onSubmit={submit}>
          <div className="field">
            <label htmlFor="enroll-member">{t('member')}</label>
            <select id="enroll-member" name="member" key={candidates.length}>
              {candidates.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" className="primary" isDisabled={enroll.isPending}>
            {t('enroll')}
          </Button>
        </Form>
      )}
      {enroll.error && <Problem error={enroll.error} />}
      {outcome && (
        <p role="status">
          {outcome.status === 'waitlisted'
            ? t('enrolledWaitlisted', { name: name(outcome.userId) })
            : t('enrolledActive', { name: name(outcome.userId) })}
        </p>
      )}
    </section>
  );
}
