import './webinars.css';
import { useQuery } from '@tanstack/react-query';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok } from '../api/result';
import { useTimeZone } from '../profile/useProfile';
import { isUuid } from '../ui/ids';
import { Attendance } from './Attendance';
import { HostQuestions } from './HostQuestions';
import { Attendees, Hosts, Speakers } from './HostPeople';
import { Watch } from './Watch';
import { WebinarHeader } from './WebinarHeader';
import { publicKey } from './keys';

/**
 * `/webinars/:webinarId/host`: for the webinar's hosts (and the organization's owners and
 * admins): the room, the Q&A to moderate, attendees to promote, speakers, hosts, attendance.
 */
export default function HostWebinar() {
  const { t } = useTranslation('webinars');
  const { webinarId = '' } = useParams();
  const valid = isUuid(webinarId);
  const timeZone = useTimeZone();
  const details = useQuery({
    queryKey: publicKey(webinarId),
    enabled: valid,
    queryFn: () => ok(api.GET('/api/v1/webinars/{webinarId}', { params: { path: { webinarId } } })),
  });
  // The hosts' list is for hosts only: it also tells whether this person may run the webinar.
  const hosts = useQuery({
    queryKey: ['webinars', webinarId, 'hosts'],
    enabled: valid,
    retry: false,
    queryFn: () =>
      ok(api.GET('/api/v1/webinars/{webinarId}/hosts', { params: { path: { webinarId } } })),
  });
  const refused = details.error ?? hosts.error;
  if (!valid || (refused instanceof ApiError && refused.status === 404)) {
    return (
      <section className="card" role="alert">
        <h1>{t('invalidTitle')}</h1>
        <p>{t('notFound')}</p>
      </section>
    );
  }
  if (refused instanceof ApiError && refused.code === 'hosts_only') {
    return (
      <section className="card" role="alert">
        <h1>{t('hostsOnlyTitle')}</h1>
        <p>{t('hostsOnly')}</p>
      </section>
    );
  }
  if (refused) return <p role="alert">{t('somethingWrong', { ns: 'translation' })}</p>;
  if (!details.data || !hosts.data) return <p>{t('loading', { ns: 'translation' })}</p>;
  const webinar = details.data;
  const publicPath = new URL(webinar.publicUrl).pathname;
  return (
    <div className="webinar host">
      <WebinarHeader webinar={webinar} timeZone={timeZone} />
      <section className="card" aria-labelledby="share-title">
        <h2 id="share-title">{t('shareTitle')}</h2>
        <p>
          <a href={publicPath}>{webinar.publicUrl}</a>
        </p>
        <p className="hint">
          {t('seatsLeft', { count: webinar.seatsLeft })} ·{' '}
          {webinar.qaModeration ? t('moderationOn') : t('moderationOff')}
        </p>
      </section>
      <Watch webinarId={webinarId} />
      <Tabs className="host-tabs">
        <TabList aria-label={t('hostTools')}>
          <Tab id="questions">{t('questionsTitle')}</Tab>
          <Tab id="attendees">{t('attendeesTitle')}</Tab>
          <Tab id="people">{t('speakersAndHosts')}</Tab>
          <Tab id="attendance">{t('attendanceTitle')}</Tab>
        </TabList>
        <TabPanel id="questions">
          <HostQuestions webinarId={webinarId} />
        </TabPanel>
        <TabPanel id="attendees">
          <Attendees webinarId={webinarId} />
        </TabPanel>
        <TabPanel id="people">
          <Speakers webinarId={webinarId} />
          <Hosts webinarId={webinarId} hosts={hosts.data.items} />
        </TabPanel>
        <TabPanel id="attendance">
          <Attendance webinarId={webinarId} />
        </TabPanel>
      </Tabs>
    </div>
  );
}
