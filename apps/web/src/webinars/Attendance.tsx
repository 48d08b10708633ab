import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';

/** Who came and for how long (from LiveKit's webhooks): counts, then each registration. */
export function Attendance({ webinarId }: { webinarId: string }) {
  const { t, i18n } = useTranslation('webinars');
  const minutes = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
  const report = useQuery({
    queryKey: ['webinars', webinarId, 'attendance'],
    refetchInterval: 10_000,
    queryFn: async () =>
      (await ok(
        api.GET('/api/v1/webinars/{webinarId}/attendance', {
          params: { path: { webinarId }, query: { limit: 200 } },
        }),
      )) as Schemas['WebinarAttendanceReport'],
  });
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendanceTitle')}</h2>
      {report.isError && <p role="alert">{t('somethingWrong', { ns: 'translation' })}</p>}
      {report.data && (
        <>
          <dl className="figures">
            <div>
              <dt>{t('registeredCount')}</dt>
              <dd>{report.data.registered}</dd>
            </div>
            <div>
              <dt>{t('attendedCount')}</dt>
              <dd>{report.data.attended}</dd>
            </div>
            <div>
              <dt>{t('averageMinutes')}</dt>
              <dd>{minutes.format(report.data.averageMinutesWatched)}</dd>
            </div>
          </dl>
          {report.data.items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('attendanceTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('person')}</th>
                    <th scope="col">{t('came')}</th>
                    <th scope="col">{t('minutesWatched')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.items.map((row) => (
                    <tr key={row.registrationId}>
                      <th scope="row">{row.displayName}</th>
                      <td>{row.attended ? t('yes') : t('no')}</td>
                      <td>{minutes.format(row.minutesWatched)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
