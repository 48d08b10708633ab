import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { signOut } from '../auth/session';
import { useAuth } from '../auth/useAuth';
import { useErrorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { forgetFragment, fromFragment } from '../ui/fragment';

const MIN_LENGTH = 10;

/** `/reset-password/#token=…`, the address the password-reset e-mail links to. */
export default function ResetPassword() {
  const { t } = useTranslation('me');
  const errorText = useErrorText();
  const signedIn = useAuth().status === 'signedIn';
  const [token] = useState(() => fromFragment('token'));
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // A field's error goes once it is edited: a stale one would keep the browser from submitting.
  const editing = (name: string) => () =>
    setFieldErrors((errors) => {
      const rest = { ...errors };
      delete rest[name];
      return rest;
    });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword'));
    setProblem(undefined);
    if (newPassword.length < MIN_LENGTH) {
      return setFieldErrors({ newPassword: t('resetTooShort') });
    }
    if (newPassword !== form.get('repeat')) return setFieldErrors({ repeat: t('resetMismatch') });
    setFieldErrors({});
    setBusy(true);
    try {
      const { error, response } = await api.POST('/api/v1/auth/password-reset/confirm', {
        body: { token, newPassword },
      });
      if (response.ok) {
        forgetFragment();
        setDone(true);
        // The api signed every device out; this tab follows.
        if (signedIn) void signOut();
      } else if (response.status === 404) {
        setProblem(t('resetInvalid'));
      } else {
        const field = error?.errors?.find((e) => e.field === 'newPassword');
        if (field) setFieldErrors({ newPassword: field.message });
        else setProblem(errorText(error));
      }
    } catch {
      setProblem(t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('resetTitle')}</h1>
      {!token && <p role="alert">{t('linkIncomplete')}</p>}
      {done && (
        <>
          <p role="status">{t('resetDone')}</p>
          <Link className="primary button" to="/">
            {t('goToSignIn')}
          </Link>
        </>
      )}
      {token && !done && (
        <Form onSubmit={(event) => void submit(event)} validationErrors={fieldErrors}>
          <Field
            name="newPassword"
            onChange={editing('newPassword')}
            type="password"
            label={t('newPassword')}
            help={t('newPasswordHelp')}
            autoComplete="new-password"
            maxLength={256}
            isRequired
          />
          <Field
            name="repeat"
            onChange={editing('repeat')}
            type="password"
            label={t('repeatPassword')}
            autoComplete="new-password"
            maxLength={256}
            isRequired
          />
          {problem && (
            <p role="alert" className="problem">
              {problem}
            </p>
          )}
          <Button type="submit" className="primary" isDisabled={busy}>
            {t('resetButton')}
          </Button>
        </Form>
      )}
    </section>
  );
}
