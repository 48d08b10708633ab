import './record.css';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useSessions } from '../groups/useSessions';
import { SessionHomework } from './SessionHomework';
import { SessionNotes } from './SessionNotes';

/**
 * The clinical part of a session's page, for its facilitators: homework (this session's and,
 * while this one is to come, the one before's, due now) and the session's notes.
 */
export function SessionRecord({ session }: { session: Schemas['SessionView'] }) {
  const { t } = useTranslation('record');
  const sessions = useSessions(session.groupId);
  const over = session.status === 'ended' || session.status === 'cancelled';
  const previous = over
    ? undefined
    : sessions.data
        ?.filter((s) => s.sequence < session.sequence && s.status !== 'cancelled')
        .sort((a, b) => a.sequence - b.sequence)
        .at(-1);
  return (
    <div className="record-desk">
      <div className="record-side">
        {previous && (
          <SessionHomework
            sessionId={previous.id}
            title={t('homeworkFrom', { n: previous.sequence })}
            timeZone={session.timezone}
          />
        )}
        <SessionHomework
          sessionId={session.id}
          title={t('homeworkOfThis')}
          timeZone={session.timezone}
        />
      </div>
      <SessionNotes sessionId={session.id} />
    </div>
  );
}
