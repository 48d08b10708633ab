import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useNow } from '../ui/clock';
import { Problem } from '../ui/Problem';
import './profile.css';

/**
 * "Your data": everything Hearth holds about the person (GET /me/export, docs/privacy.md) saved
 * as one JSON file. Fetched with the bearer token and handed over as a blob: no token in an address.
 */
export function YourData() {
  const { t } = useTranslation('me');
  const now = useNow(60_000);
  const download = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/me/export', { parseAs: 'blob' });
      if (!response.ok || !data) throw error ?? new Error(response.statusText);
      const url = URL.createObjectURL(data as unknown as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `hearth-my-data-${new Date(now).toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <section className="card narrow" aria-labelledby="your-data-title">
      <h2 id="your-data-title">{t('dataTitle')}</h2>
      <p>{t('dataContains')}</p>
      <p className="hint">{t('dataLeftOut')}</p>
      <Button className="primary" isDisabled={download.isPending} onPress={() => download.mutate()}>
        {download.isPending ? t('dataPreparing') : t('dataDownload')}
      </Button>
      {download.isError && <Problem error={download.error} />}
      <p role="status">{download.isSuccess && t('dataDownloaded')}</p>
    </section>
  );
}
