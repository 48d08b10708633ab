import './groups.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { languageName } from '../ui/languageName';
import * as keys from '../ui/queryKeys';
import { GroupRequestsPanel } from '../directory/GroupRequests';
import { GroupMeasures } from '../measures/GroupMeasures';
import { SpaceLink } from '../space/SpaceLink';
import { AttendanceTab } from './AttendanceTab';
import { RosterTab } from './RosterTab';
import { ScheduleTab } from './ScheduleTab';
import { zoneName } from './time';

/**
 * `/groups/:groupId` as its facilitators see it: what kind of group it is, the schedule, the
 * roster and attendance; measures only for clinicians (a peer supporter sees no clinical tab).
 */
export default function FacilitatorGroup({ group }: { group: Schemas['GroupDetailView'] }) {
  const { t } = useTranslation('groups');
  const { t: measures } = useTranslation('measures');
  const { t: directory } = useTranslation('directory');
  const openEnded = group.kind !== 'curriculum';
  return (
    <section className="facilitator-group">
      <p className="crumb">
        <Link to="/groups">{t('backToGroups')}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="group-kind">
        <span className={`badge kind-${group.kind}`}>{t(`kind_${group.kind}`)}</span>{' '}
        <span lang={group.language}>{languageName(group.language)}</span>
        {group.tags.map((tag) => (
          <span key={tag} className="tag">
            {t(`tag_${tag}`, { defaultValue: tag })}
          </span>
        ))}
      </p>
      {!group.clinician && <p className="hint peer-led">{t('peerLed')}</p>}
      {group.endedAt && <p className="hint">{t('groupEnded')}</p>}
      <p className="hint">
        {t('weeklyAt', { time: group.startTime, zone: zoneName(group.timezone) })}
        {' · '}
        {t('minutes', { count: group.durationMinutes })}
        {' · '}
        {group.lobbyEnabled ? t('lobbyOn') : t('lobbyOff')}
        {openEnded && !group.endedAt && (
          <>
            {' · '}
            {t('noEndDate')}
          </>
        )}
      </p>
      <SpaceLink groupId={group.id} />
      <Tabs>
        <TabList aria-label={t('groupSections')} className="tabs">
          <Tab id="schedule">{t('schedule')}</Tab>
          <Tab id="roster">{t('roster')}</Tab>
          <Tab id="attendance">{t('attendance')}</Tab>
          {group.clinician && <Tab id="measures">{measures('measuresTab')}</Tab>}
          <Tab id="requests">{directory('requestsTab')}</Tab>
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
        {group.clinician && (
          <TabPanel id="measures">
            <GroupMeasures groupId={group.id} />
          </TabPanel>
        )}
        <TabPanel id="requests">
          <GroupRequestsPanel groupId={group.id} orgId={group.organizationId} />
        </TabPanel>
      </Tabs>
      {openEnded && !group.endedAt && <EndGroup group={group} />}
    </section>
  );
}

/** Ends a support group or drop-in meetings: the coming meetings are cancelled. */
function EndGroup({ group }: { group: Schemas['GroupDetailView'] }) {
  const { t } = useTranslation('groups');
  const queries = useQueryClient();
  const end = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/groups/{groupId}/end', { params: { path: { groupId: group.id } } })),
    // The group's key covers its sessions too (see ui/queryKeys).
    onSuccess: () => queries.invalidateQueries({ queryKey: keys.groups.one(group.id) }),
  });
  return (
    <p className="end-group">
      <ConfirmDialog
        label={t('endGroup')}
        title={t('endGroupTitle')}
        cancel={t('keepIt')}
        confirm={t('endGroup')}
        isPending={end.isPending}
        error={end.error}
        onConfirm={(close) => end.mutate(undefined, { onSuccess: close })}
      >
        <p>{t('endGroupText')}</p>
      </ConfirmDialog>
    </p>
  );
}
