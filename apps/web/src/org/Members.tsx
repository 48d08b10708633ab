import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useDates } from '../ui/useDates';
import { Field } from '../ui/Field';
import { NotStaff } from './OrganizationSettings';
import { useOrganization } from './useOrganization';
import './org.css';
import * as keys from '../ui/queryKeys';

type Role = Schemas['OrganizationRole'];
const PAGE = 50;

/** Members and open invitations, and inviting someone by e-mail: owners and admins only. */
export default function Members() {
  const { t } = useTranslation('org');
  const organization = useOrganization();
  if (!organization) return <NotStaff />;
  if (!organization.manages) {
    return (
      <section className="card">
        <h1>{t('membersTitle')}</h1>
        <p>{t('membersManagersOnly')}</p>
      </section>
    );
  }
  return (
    <>
      <p>
        <Link to="/organization">{t('backToSettings')}</Link>
      </p>
      <h1>{t('membersTitle')}</h1>
      <InviteForm organizationId={organization.organizationId} role={organization.role} />
      <Invitations organizationId={organization.organizationId} />
      <MemberList organizationId={organization.organizationId} />
    </>
  );
}

function InviteForm({ organizationId, role }: { organizationId: string; role: Role }) {
  const { t } = useTranslation('org');
  const queries = useQueryClient();
  const [sent, setSent] = useState<string>();
  // Only an owner may make someone an owner (the api's rule).
  const roles: Role[] =
    role === 'owner'
      ? ['participant', 'peer_supporter', 'therapist', 'admin', 'owner']
      : ['participant', 'peer_supporter', 'therapist', 'admin'];
  const invite = useMutation({
    mutationFn: (body: Schemas['CreateInvitationDto']) =>
      ok(
        api.POST('/api/v1/organizations/{orgId}/invitations', {
          params: { path: { orgId: organizationId } },
          body,
        }),
      ),
    onSuccess: async (invitation) => {
      setSent(invitation.email);
      await queries.invalidateQueries({ queryKey: keys.organizations.invitations(organizationId) });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSent(undefined);
    invite.mutate(
      { email: String(form.get('email')).trim(), role: String(form.get('role')) as Role },
      { onSuccess: () => formElement.reset() },
    );
  }

  const refusal = invite.error instanceof ApiError ? invite.error.code : undefined;
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('inviteTitle')}</h2>
      <p className="hint">{t('inviteText')}</p>
      <Form onSubmit={submit}>
        <Field name="email" type="email" label={t('email')} isRequired autoComplete="off" />
        <div className="field">
          <label htmlFor="invite-role">{t('role')}</label>
          <select
            id="invite-role"
            name="role"
            defaultValue="participant"
            aria-describedby="invite-role-help"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
          <p className="hint" id="invite-role-help">
            {t('roleHelp_peer_supporter')}
          </p>
        </div>
        {invite.isError && (
          <p role="alert" className="problem">
            {refusal === 'already_member'
              ? t('alreadyMember')
              : refusal === 'validation_failed'
                ? t('invalidEmail')
                : t('somethingWrong', { ns: 'translation' })}
          </p>
        )}
        {sent && <p role="status">{t('invitationSent', { email: sent })}</p>}
        <Button type="submit" className="primary" isDisabled={invite.isPending}>
          {t('sendInvitation')}
        </Button>
      </Form>
    </section>
  );
}

function Invitations({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('org');
  const date = useDates().date;
  const invitations = useInfiniteQuery({
    queryKey: keys.pages(keys.organizations.invitations(organizationId)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/invitations', {
          params: { path: { orgId: organizationId }, query: { limit: PAGE, cursor: pageParam } },
        }),
      ),
  });
  const items = invitations.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitationsTitle')}</h2>
      {invitations.isPending && <p>{t('loading', { ns: 'translation' })}</p>}
      {invitations.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      {invitations.isSuccess && items.length === 0 && <p>{t('noInvitations')}</p>}
      {items.length > 0 && (
        <ul className="people">
          {items.map((invitation) => (
            <li key={invitation.id}>
              <span className="who">{invitation.email}</span>
              <span className="role">{t(`role_${invitation.role}`)}</span>
              <span className="hint">{t('expires', { date: date(invitation.expiresAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      {invitations.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={invitations.isFetchingNextPage}
          onClick={() => void invitations.fetchNextPage()}
        >
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

function MemberList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('org');
  const date = useDates().date;
  const members = useInfiniteQuery({
    queryKey: keys.pages(keys.organizations.members(organizationId)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor?: string }) => page.nextCursor,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/members', {
          params: { path: { orgId: organizationId }, query: { limit: PAGE, cursor: pageParam } },
        }),
      ),
  });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('membersListTitle')}</h2>
      {members.isPending && <p>{t('loading', { ns: 'translation' })}</p>}
      {members.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
      <ul className="people">
        {items.map((member) => (
          <li key={member.userId}>
            <span className="who">{member.displayName}</span>
            <span className="role">{t(`role_${member.role}`)}</span>
            {/* Participants are known by alias only, even to the organization's managers. */}
            {member.role !== 'participant' && <span className="hint">{member.email}</span>}
            <span className="hint">{t('joined', { date: date(member.joinedAt) })}</span>
          </li>
        ))}
      </ul>
      {members.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          {t('showMore')}
        </button>
      )}
    </section>
  );
}
