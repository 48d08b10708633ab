import './webinars.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useAuth } from '../auth/useAuth';
import { Field } from '../ui/Field';
import { isUuid } from '../ui/ids';
import { forgetAccessKey, keepAccessKey, takeAccessKey } from './access';
import { AttendeeQuestions } from './AttendeeQuestions';
import { publicKey } from './keys';
import { Watch } from './Watch';
import { WebinarHeader } from './WebinarHeader';

/**
 * `/webinars/:webinarId`, the page a webinar is shared with: anyone may read it, register with a
 * name and an e-mail, then watch and ask. No account; the access key stays in this browser.
 */
export default function WebinarPage() {
  const { t } = useTranslation('webinars');
  const { webinarId = '' } = useParams();
  const valid = isUuid(webinarId);
  const [key, setKey] = useState(() => (valid ? takeAccessKey(webinarId) : null));
  const [justRegistered, setJustRegistered] = useState(false);
  const signedIn = useAuth().status === 'signedIn';
  const details = useQuery({
    queryKey: publicKey(webinarId),
    enabled: valid,
    queryFn: () => ok(api.GET('/api/v1/webinars/{webinarId}', { params: { path: { webinarId } } })),
  });

  if (!valid || (details.error instanceof ApiError && details.error.status === 404)) {
    return (
      <section className="card" role="alert">
        <h1>{t('invalidTitle')}</h1>
        <p>{t('invalidLink')}</p>
      </section>
    );
  }
  if (details.isPending) return <p>{t('loading', { ns: 'translation' })}</p>;
  if (details.isError) return <p role="alert">{t('somethingWrong', { ns: 'translation' })}</p>;
  const webinar = details.data;
  const forget = () => {
    forgetAccessKey(webinarId);
    setKey(null);
  };
  return (
    <div className="webinar">
      <WebinarHeader webinar={webinar} />
      {signedIn && (
        <p>
          <Link to={`/webinars/${webinarId}/host`}>{t('hostViewLink')}</Link>
        </p>
      )}
      {key ? (
        <>
          {justRegistered && (
            <p role="status" className="notice">
              {t('registered')}
            </p>
          )}
          <Watch webinarId={webinarId} accessKey={key} onKeyRefused={forget} />
          <AttendeeQuestions webinar={webinar} accessKey={key} />
        </>
      ) : (
        <Register
          webinar={webinar}
          onRegistered={(accessKey) => {
            keepAccessKey(webinarId, accessKey);
            setKey(accessKey);
            setJustRegistered(true);
          }}
        />
      )}
    </div>
  );
}

function Register(props: {
  webinar: Schemas['WebinarPublicView'];
  onRegistered(accessKey: string): void;
}) {
  const { t } = useTranslation('webinars');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const webinarId = props.webinar.id;
  const register = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/webinars/{webinarId}/registrations', {
          params: { path: { webinarId } },
          body: { displayName: displayName.trim(), email: email.trim() },
        }),
      ),
    onSuccess: (created) => props.onRegistered(created.accessKey),
  });
  const problem = register.error;
  const message =
    problem instanceof ApiError
      ? ({
          already_registered: t('alreadyRegistered'),
          webinar_full: t('full'),
          rate_limited: t('tooManyAttempts'),
        }[problem.code] ?? (problem.status === 400 ? t('checkFields') : t('registerFailed')))
      : problem && t('registerFailed');
  if (props.webinar.seatsLeft === 0) {
    return (
      <section className="card" aria-labelledby="register-title">
        <h2 id="register-title">{t('registerTitle')}</h2>
        <p>{t('full')}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="register-title">
      <h2 id="register-title">{t('registerTitle')}</h2>
      <p className="hint">{t('registerHint')}</p>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate();
        }}
      >
        <Field
          label={t('nameToShow')}
          isRequired
          maxLength={80}
          autoComplete="nickname"
          value={displayName}
          onChange={setDisplayName}
        />
        <Field
          label={t('email', { ns: 'translation' })}
          type="email"
          isRequired
          maxLength={254}
          autoComplete="email"
          value={email}
          onChange={setEmail}
        />
        {message && (
          <p role="alert" className="problem">
            {message}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={register.isPending}>
          {t('register')}
        </Button>
      </Form>
    </section>
  );
}
