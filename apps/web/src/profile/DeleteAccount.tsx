import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import './profile.css';

/** Refusals explained in the person's words, with what to do (docs/privacy.md, Erasure). */
const BLOCKERS = new Set(['sole_owner', 'leads_groups']);

/**
 * "Delete my account": what DELETE /me erases at once, what the organization keeps for its
 * clinical retention period, that it cannot be undone; the password is asked again.
 */
export function DeleteAccount() {
  const { t } = useTranslation('me');
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const erase = useMutation({
    mutationFn: (body: { password: string }) => ok(api.DELETE('/api/v1/me', { body })),
    onSuccess: () => {
      // The api signed every login out; the screen that says so signs this device out.
      void navigate('/account-deleted', { replace: true, state: { erased: true } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'current_password_wrong') {
        setFieldError(t('deleteWrongPassword'));
      }
    },
  });
  const code = erase.error instanceof ApiError ? erase.error.code : undefined;
  const blocked = code && BLOCKERS.has(code) ? code : undefined;
  // The wrong password is shown at the field, a blocker with what to do; anything else as is.
  const otherError = erase.isError && !blocked && !fieldError ? erase.error : undefined;

  function confirm() {
    if (!password) return setFieldError(t('deletePasswordMissing'));
    setFieldError(undefined);
    erase.mutate({ password });
  }

  return (
    <section className="card narrow delete-account" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">{t('deleteTitle')}</h2>
      <p>{t('deleteIntro')}</p>
      <ul className="delete-facts">
        <li>{t('deleteAtOnce')}</li>
        <li>{t('deleteKept')}</li>
        <li>{t('deleteAnonymous')}</li>
      </ul>
      <p>
        <strong>{t('deleteFinal')}</strong>
      </p>
      <ConfirmDialog
        label={t('deleteOpen')}
        title={t('deleteDialogTitle')}
        cancel={t('deleteCancel')}
        confirm={erase.isPending ? t('deleting') : t('deleteConfirm')}
        isPending={erase.isPending}
        error={otherError}
        onConfirm={confirm}
      >
        <p>{t('deleteDialogText')}</p>
        <TextField
          className="field"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(value) => {
            setPassword(value);
            setFieldError(undefined);
          }}
          isInvalid={!!fieldError}
          autoFocus
        >
          <Label>{t('deletePassword')}</Label>
          <Input />
          <Text slot="description">{t('deletePasswordHelp')}</Text>
          <FieldError>{fieldError}</FieldError>
        </TextField>
        {blocked && (
          <div role="alert" className="problem">
            <p>{t(blocked === 'sole_owner' ? 'deleteSoleOwner' : 'deleteLeadsGroups')}</p>
            {blocked === 'sole_owner' && (
              <p>
                <Link to="/organization/members">{t('deleteSoleOwnerLink')}</Link>
              </p>
            )}
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
