import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatStart } from './when';

/** The webinar's title, start (in `timeZone`, else the viewer's own), length and description. */
export function WebinarHeader(props: { webinar: Schemas['WebinarPublicView']; timeZone?: string }) {
  const { t, i18n } = useTranslation('webinars');
  const { webinar } = props;
  return (
    <header className="card">
      <h1>{webinar.title}</h1>
      <p className="when">
        <time dateTime={webinar.startsAt}>
          {formatStart(webinar.startsAt, i18n.resolvedLanguage, props.timeZone)}
        </time>
      </p>
      <p className="hint">{t('duration', { count: webinar.durationMinutes })}</p>
      {webinar.description && <p className="description">{webinar.description}</p>}
    </header>
  );
}
