import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/result';
import { PROFILE_KEY } from '../profile/useProfile';
import { Field } from '../ui/Field';

/** Starts an organization; its creator becomes its owner. */
export default function NewOrganization() {
  const { t } = useTranslation('org');
  const queries = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (name: string) => ok(api.POST('/api/v1/organizations', { body: { name } })),
    onSuccess: async () => {
      // The new membership makes the person staff: the navigation shows their links.
      await queries.invalidateQueries({ queryKey: PROFILE_KEY });
      await navigate('/organization');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(String(new FormData(event.currentTarget).get('name')).trim());
  }

  return (
    <section className="card narrow">
      <h1>{t('newTitle')}</h1>
      <p>{t('newText')}</p>
      <Form onSubmit={submit}>
        <Field
          name="name"
          label={t('name')}
          help={t('nameHelp')}
          isRequired
          maxLength={120}
          autoComplete="organization"
        />
        {create.isError && (
          <p role="alert" className="problem">
            {t('somethingWrong', { ns: 'translation' })}
          </p>
        )}
        <Button type="submit" className="primary" isDisabled={create.isPending}>
          {t('create')}
        </Button>
      </Form>
    </section>
  );
}
