import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { register, signIn } from './session';

/** Sign in, or create an account; `expired` says why the person is here again. */
export function SignIn({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setBusy(true);
    const error = creating
      ? await register({ email: form.email!, password: form.password!, displayName: form.alias! })
      : await signIn({ email: form.email!, password: form.password! });
    setBusy(false);
    if (error) setProblem(creating ? (error.message ?? t('somethingWrong')) : t('signInFailed'));
  }

  return (
    <section className="card narrow">
      {expired && (
        <div role="status" className="notice">
          <h2>{t('expiredTitle')}</h2>
          <p>{t('expiredText')}</p>
        </div>
      )}
      <h1>{creating ? t('createAccount') : t('signIn')}</h1>
      <Form onSubmit={(event) => void submit(event)}>
        {creating && (
          <Field
            name="alias"
            label={t('alias')}
            help={t('aliasHelp')}
            isRequired
            autoComplete="nickname"
          />
        )}
        <Field name="email" type="email" label={t('email')} isRequired autoComplete="email" />
        <Field
          name="password"
          type="password"
          label={t('password')}
          help={creating ? t('passwordHelp') : undefined}
          isRequired
          autoComplete={creating ? 'new-password' : 'current-password'}
        />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={busy}>
          {creating ? t('createAccount') : t('signIn')}
        </Button>
      </Form>
      <p className="switch">
        {creating ? t('haveAccount') : t('noAccount')}{' '}
        <Button className="link" onPress={() => (setCreating(!creating), setProblem(undefined))}>
          {creating ? t('signIn') : t('createAccount')}
        </Button>
      </p>
    </section>
  );
}
