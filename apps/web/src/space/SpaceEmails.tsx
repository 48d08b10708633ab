import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import { spaceKeys } from './useSpace';
import './space.css';

type Digest = 'daily' | 'none';

/** The profile's choice of group-space e-mails: a daily digest (never any words) or none. */
export function SpaceEmails() {
  const { t } = useTranslation('space');
  const queries = useQueryClient();
  const preferences = useQuery({
    queryKey: spaceKeys.preferences,
    queryFn: () => ok(api.GET('/api/v1/me/community-preferences')),
  });
  const save = useMutation({
    mutationFn: (digest: Digest) =>
      ok(api.PUT('/api/v1/me/community-preferences', { body: { digest } })),
    onSuccess: (saved) => queries.setQueryData(spaceKeys.preferences, saved),
  });
  if (!preferences.data) return null;
  const digest = save.isPending ? save.variables : preferences.data.digest;
  return (
    <section className="card narrow" aria-labelledby="space-emails-title">
      <h2 id="space-emails-title">{t('emailsTitle')}</h2>
      <RadioGroup
        className="choice"
        value={digest}
        onChange={(value) => save.mutate(value as Digest)}
        isDisabled={save.isPending}
      >
        <Label className="sr-only">{t('emailsTitle')}</Label>
        <Radio value="daily">{t('emails_daily')}</Radio>
        <Radio value="none">{t('emails_none')}</Radio>
        <Text slot="description" className="hint">
          {t('emailsHint')}
        </Text>
      </RadioGroup>
      <p role="status">{save.isSuccess && t('emailsSaved')}</p>
      {save.isError && (
        <p role="alert" className="problem">
          {t('somethingWrong', { ns: 'translation' })}
        </p>
      )}
    </section>
  );
}
