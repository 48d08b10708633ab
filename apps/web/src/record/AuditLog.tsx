import './record.css';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ok } from '../api/result';
import { useMembers } from '../org/useMembers';
import { useOrganization } from '../org/useOrganization';
import { isUuid } from '../ui/ids';
import { Problem } from '../ui/Problem';
import { useTimeZone } from '../profile/useProfile';
import * as keys from '../ui/queryKeys';
import { record } from './keys';

type Entry = Schemas['AuditEntryView'];

const PAGE = 50;
/** The api's largest page, for the CSV file read page by page. */
const FILE_PAGE = 200;

/** The kinds of record the api logs today; any other shows as the api names it. */
const RESOURCES = new Set([
  'session_notes',
  'group_note',
  'member_note',
  'group_note_addendum',
  'member_note_addendum',
  'member_notes',
  'homework',
  'session_homework',
  'measure_response',
  'measure_responses',
  'risk_alert',
  'risk_alerts',
  'roster',
  'attendance',
  'session_attendance',
  'group_attendance',
]);

/**
 * `/organization/audit`: every read and write of clinical data in the organization (who, when,
 * what, about whom), oldest first, filtered by person and downloaded as CSV; owners and admins.
 */
export default function AuditLog() {
  const { t } = useTranslation('record');
  const organization = useOrganization();
  if (!organization?.manages) {
    return (
      <section className="card">
        <h1>{t('auditTitle')}</h1>
        <p>{t('auditManagersOnly')}</p>
      </section>
    );
  }
  return <Log orgId={organization.organizationId} />;
}

function Log({ orgId }: { orgId: string }) {
  const { t } = useTranslation('record');
  const { t: common, i18n } = useTranslation();
  const timeZone = useTimeZone();
  // An audit wants the second: "7 Dec 2026, 14:40:12", in the reader's zone.
  const stamp = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone,
  });
  const [params, setParams] = useSearchParams();
  // The person comes from the address: only a UUID goes into the api's query.
  const asked = params.get('person') ?? undefined;
  const person = isUuid(asked) ? asked : undefined;
  const members = useMembers(orgId);
  const names = new Map((members.data ?? []).map((m) => [m.userId, m.displayName]));
  const nameOf = (userId: string | null) =>
    userId === null ? t('nobodyInParticular') : (names.get(userId) ?? t('notAMember'));
  const log = useInfiniteQuery({
    queryKey: keys.pages(record.audit(orgId, person)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Schemas['AuditPage']) => page.nextCursor,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/organizations/{orgId}/audit', {
          params: {
            path: { orgId },
            query: { limit: PAGE, cursor: pageParam, subjectUserId: person },
          },
        }),
      ).then((page) => page as Schemas['AuditPage']),
  });
  const download = useMutation({
    mutationFn: async () => {
      const csv = await auditCsv(orgId, person);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      const who = person ? (names.get(person) ?? person) : 'everyone';
      link.download = `audit-${who.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const people = [...(members.data ?? [])].sort((a, b) =>
    a.displayName.localeCompare(b.displayName),
  );
  return (
    <section className="record-audit">
      <p className="crumb">
        <Link to="/organization">{t('backToSettings')}</Link>
      </p>
      <h1>{t('auditTitle')}</h1>
      <p className="hint">{t('auditIntro')}</p>
      <div className="card record-filter">
        <div className="field">
          <label htmlFor="audit-person">{t('aboutWhom')}</label>
          <select
            id="audit-person"
            value={person ?? ''}
            onChange={(event) =>
              setParams(event.target.value ? { person: event.target.value } : {}, {
                replace: true,
              })
            }
          >
            <option value="">{t('everyone')}</option>
            {person && !names.has(person) && <option value={person}>{t('notAMember')}</option>}
            {people.map((m) => (
              <option key={m.userId} value={m.userId}>
                {t('personOption', { name: m.displayName, email: m.email })}
              </option>
            ))}
          </select>
        </div>
        <Button
          className="secondary"
          onPress={() => download.mutate()}
          isDisabled={download.isPending}
        >
          {person
            ? t('downloadAbout', { name: names.get(person) ?? t('notAMember') })
            : t('downloadAll')}
        </Button>
        {download.isError && <Problem error={download.error} />}
      </div>
      {log.isPending && <p>{common('loading')}</p>}
      {log.isError && <Problem error={log.error} />}
      {log.isSuccess && entries.length === 0 && (
        <p className="card">{person ? t('noEntriesAbout') : t('noEntries')}</p>
      )}
      {entries.length > 0 && (
        <>
          <p className="hint" role="status">
            {t(log.hasNextPage ? 'shownMore' : 'shown', { count: entries.length })}
          </p>
          <ol className="record-entries" aria-label={t('entries')}>
            {entries.map((entry, i) => (
              <AuditRow
                key={i}
                entry={entry}
                nameOf={nameOf}
                when={stamp.format(new Date(entry.at))}
              />
            ))}
          </ol>
        </>
      )}
      {log.hasNextPage && (
        <Button
          className="secondary"
          onPress={() => void log.fetchNextPage()}
          isDisabled={log.isFetchingNextPage}
        >
          {t('showMore')}
        </Button>
      )}
    </section>
  );
}

function AuditRow(props: { entry: Entry; when: string; nameOf(id: string | null): string }) {
  const { t } = useTranslation('record');
  const { entry } = props;
  return (
    <li className="record-entry">
      <dl>
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <time dateTime={entry.at}>{props.when}</time>
          </dd>
        </div>
        <div>
          <dt>{t('who')}</dt>
          <dd>{props.nameOf(entry.actorId)}</dd>
        </div>
        <div>
          <dt>{t('action')}</dt>
          <dd>{t(`action_${entry.action}`)}</dd>
        </div>
        <div>
          <dt>{t('resource')}</dt>
          <dd>
            {RESOURCES.has(entry.resourceType)
              ? t(`resource_${entry.resourceType}`)
              : entry.resourceType.replaceAll('_', ' ')}
          </dd>
        </div>
        <div>
          <dt>{t('aboutWhom')}</dt>
          <dd>{props.nameOf(entry.subjectUserId)}</dd>
        </div>
      </dl>
    </li>
  );
}

/**
 * The whole log (or one person's) as the api writes it in CSV. The api answers one page per file,
 * so the pages are read in turn: the JSON page gives its length and the next cursor, the CSV of
 * the same cursor and length holds the same rows (entries are only ever added at the end), and
 * the files are joined under one header. Fetched with the bearer token: no token in an address.
 */
async function auditCsv(orgId: string, subjectUserId: string | undefined): Promise<string> {
  const path = { orgId };
  let csv = '';
  let cursor: string | undefined;
  do {
    const query = { limit: FILE_PAGE, cursor, subjectUserId };
    const page = (await ok(
      api.GET('/api/v1/organizations/{orgId}/audit', { params: { path, query } }),
    )) as Schemas['AuditPage'];
    if (csv && page.items.length === 0) break;
    const file = await api.GET('/api/v1/organizations/{orgId}/audit', {
      params: { path, query: { ...query, limit: Math.max(1, page.items.length), format: 'csv' } },
      parseAs: 'text',
    });
    if (!file.response.ok || typeof file.data !== 'string') {
      throw new Error(file.response.statusText);
    }
    // Every file starts with the header: keep the first one only.
    csv += csv ? file.data.slice(file.data.indexOf('\n') + 1) : file.data;
    cursor = page.nextCursor;
  } while (cursor);
  return csv;
}
