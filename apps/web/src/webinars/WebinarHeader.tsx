import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useDates } from '../ui/useDates';

/** The webinar's title, start (in `timeZone`, else the viewer's own), length and description. */
export function WebinarHeader(props: { webinar: Schemas['WebinarPublicView']; timeZone?: string }) {
  const { t } = useTranslation('webinars');
  const dates = useDates(props.timeZone);
  const { webinar } = props;
  return (
    <header className="card">
      <h1>{webinar.title}</h1>
      <p className="when">
        <time dateTime={webinar.startsAt}>{dates.start(webinar.startsAt)}</time>
      </p>
      <p className="hint">{t('duration', { count: webinar.durationMinutes })}</p>
      {webinar.description && <p className="description">{webinar.description}</p>}
    </header>
  );
}
