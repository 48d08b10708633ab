import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useDates } from '../ui/useDates';
import * as keys from '../ui/queryKeys';
import { useSessionName } from './sessionName';

type Group = Schemas['GroupDetailView'];

/** The Attendance tab: members by sessions with each one's rate, and the same as a CSV file. */
export function AttendanceTab({ group }: { group: Group }) {
  const sessionName = useSessionName();
  const { t, i18n } = useTranslation('groups');
  const { t: common } = useTranslation();
  const instants = useDates(group.timezone);
  const matrix = useQuery({
    queryKey: keys.groups.attendance(group.id),
    queryFn: () =>
      ok(
        api.GET('/api/v1/groups/{groupId}/attendance', { params: { path: { groupId: group.id } } }),
      ),
  });
  // The file is fetched with the bearer token and handed over as a blob: no token in any address.
  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/groups/{groupId}/attendance', {
        params: { path: { groupId: group.id }, query: { format: 'csv' } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new Error(response.statusText);
      const url = URL.createObjectURL(data as unknown as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${group.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-attendance.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  if (matrix.isPending) return <p>{common('loading')}</p>;
  if (matrix.isError) return <p role="alert">{common('somethingWrong')}</p>;
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent' });
  // The route also answers text/csv; without `format` it is always the JSON matrix.
  const { sessions, members } = matrix.data as Schemas['GroupAttendanceMatrix'];
  return (
    <section className="card attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendanceTitle')}</h2>
      <p className="hint">{t('attendanceHelp')}</p>
      {members.length === 0 ? (
        <p>{t('noMembers')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('attendanceTitle')}>
          <table className="matrix">
            <thead>
              <tr>
                <th scope="col">{t('member')}</th>
                <th scope="col">{t('rate')}</th>
                {sessions.map((s) => (
                  <th key={s.id} scope="col" title={sessionName(s)}>
                    <abbr title={`${sessionName(s)}, ${instants.shortDate(s.startsAt)}`}>
                      {s.sequence}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">{m.displayName ?? t('formerMember')}</th>
                  <td>{m.rate === null ? '—' : percent.format(m.rate)}</td>
                  {sessions.map((s) => {
                    const status = m.attendance[s.id];
                    return (
                      <td key={s.id} className={status ?? 'not-held'}>
                        {status ? (
                          t(`attendance_${status}`)
                        ) : (
                          <>
                            <span aria-hidden="true">·</span>
                            <span className="sr-only">{t('notHeld')}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button
        className="secondary"
        onPress={() => download.mutate()}
        isDisabled={download.isPending}
      >
        {t('downloadCsv')}
      </Button>
      {download.isError && (
        <p role="alert" className="problem">
          {common('somethingWrong')}
        </p>
      )}
    </section>
  );
}
