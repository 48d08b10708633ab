import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Schemas } from '../api/client';
import { acceptInvitation, signOut } from '../auth/session';
import { useAuth } from '../auth/useAuth';
import { useErrorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { forgetFragment, fromFragment } from '../ui/fragment';
import './me.css';

/**
 * `/invitations/accept#token=…`, the address invitation e-mails link to: a new person chooses an
 * alias and a password; someone with an account confirms with its password. Either way they are
 * signed in as a member afterwards.
 */
export default function AcceptInvitation() {
  const { t } = useTranslation('me');
  const navigate = useNavigate();
  const [token] = useState(() => fromFragment('token'));
  const [problem, setProblem] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // A field's error goes once it is edited: a stale one would keep the browser from submitting.
  const editing = (name: string) => () =>
    setFieldErrors((errors) => {
      const rest = { ...errors };
      delete rest[name];
      return rest;
    });
  const [busy, setBusy] = useState(false);
  const auth = useAuth();
  const errorText = useErrorText();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    setBusy(true);
    setProblem(undefined);
    setFieldErrors({});
    try {
      // Someone else may be signed in on this device: their session ends (and its refresh token is
      // revoked) before the invited person's begins, so nothing of theirs is left on screen.
      if (auth.status === 'signedIn') await signOut();
      const error = (await acceptInvitation({
        token,
        password: String(form.get('password')),
        ...(displayName ? { displayName } : {}),
      })) as Schemas['ErrorBody'] | undefined;
      if (!error) {
        forgetFragment();
        void navigate('/', { replace: true });
        return;
      }
      const fields = Object.fromEntries((error.errors ?? []).map((e) => [e.field, e.message]));
      if (fields.displayName) fields.displayName = t('acceptNeedsAlias');
      if (error.code === 'invalid_credentials') fields.password = t('acceptWrongPassword');
      setFieldErrors(fields);
      if (error.code === 'invitation_not_found') setProblem(t('linkInvalidInvitation'));
      else if (!Object.keys(fields).length) setProblem(errorText(error));
    } catch {
      setProblem(t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('acceptTitle')}</h1>
      {!token ? (
        <p role="alert">{t('linkIncomplete')}</p>
      ) : (
        <>
          <p>{t('acceptIntro')}</p>
          {auth.status === 'signedIn' && (
            <p className="notice">{t('acceptSignedInAs', { name: auth.user.displayName })}</p>
          )}
          <Form onSubmit={(event) => void submit(event)} validationErrors={fieldErrors}>
            <Field
              name="displayName"
              onChange={editing('displayName')}
              label={t('acceptAlias')}
              help={t('acceptAliasHelp')}
              autoComplete="nickname"
              maxLength={60}
            />
            <Field
              name="password"
              onChange={editing('password')}
              type="password"
              label={t('acceptPassword')}
              help={t('acceptPasswordHelp')}
              autoComplete="new-password"
              isRequired
            />
            {problem && (
              <p role="alert" className="problem">
                {problem}
              </p>
            )}
            <Button type="submit" className="primary" isDisabled={busy}>
              {t('acceptButton')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
