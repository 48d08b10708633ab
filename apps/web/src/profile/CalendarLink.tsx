import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ok } from '../api/result';
import './profile.css';

/** The person's private calendar address, to copy into a calendar app or open with webcal:. */
export function CalendarLink() {
  const { t } = useTranslation('me');
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const feed = useQuery({
    queryKey: ['me', 'calendar-feed'],
    queryFn: () => ok(api.GET('/api/v1/me/calendar-feed')),
  });
  if (!feed.data) return null;
  const { url } = feed.data;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section className="card narrow" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendarTitle')}</h2>
      <p>{t('calendarHint')}</p>
      <div className="field">
        <label htmlFor="calendar-url">{t('calendarAddress')}</label>
        <input
          ref={input}
          id="calendar-url"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="me-actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <a className="primary button" href={url.replace(/^https?:/, 'webcal:')}>
          {t('openInCalendar')}
        </a>
      </div>
      <p role="status">{copied && (copied === 'yes' ? t('copied') : t('copyFailed'))}</p>
    </section>
  );
}
