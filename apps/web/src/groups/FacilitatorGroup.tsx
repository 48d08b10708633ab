import './groups.css';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { GroupMeasures } from '../measures/GroupMeasures';
import { SpaceLink } from '../space/SpaceLink';
import { AttendanceTab } from './AttendanceTab';
import { RosterTab } from './RosterTab';
import { ScheduleTab } from './ScheduleTab';
import { zoneName } from './time';

/** `/groups/:groupId` as its facilitators see it: the schedule, the roster and attendance. */
export default function FacilitatorGroup({ group }: { group: Schemas['GroupDetailView'] }) {
  const { t } = useTranslation('groups');
  const { t: measures } = useTranslation('measures');
  return (
    <section className="facilitator-group">
      <p className="crumb">
        <Link to="/groups">{t('backToGroups')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="hint">
        {t('weeklyAt', { time: group.startTime, zone: zoneName(group.timezone) })}
        {' · '}
        {t('minutes', { count: group.durationMinutes })}
        {' · '}
        {group.lobbyEnabled ? t('lobbyOn') : t('lobbyOff')}
      </p>
      <SpaceLink groupId={group.id} />
      <Tabs>
        <TabList aria-label={t('groupSections')} className="tabs">
          <Tab id="schedule">{t('schedule')}</Tab>
          <Tab id="roster">{t('roster')}</Tab>
          <Tab id="attendance">{t('attendance')}</Tab>
          <Tab id="measures">{measures('measuresTab')}</Tab>
        </TabList>
        <TabPanel id="schedule">
          <ScheduleTab group={group} />
        </TabPanel>
        <TabPanel id="roster">
          <RosterTab group={group} />
        </TabPanel>
        <TabPanel id="attendance">
          <AttendanceTab group={group} />
        </TabPanel>
        <TabPanel id="measures">
          <GroupMeasures groupId={group.id} />
        </TabPanel>
      </Tabs>
    </section>
  );
}
