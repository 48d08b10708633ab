import type { Session } from './session.entity.js';

export interface SessionView {
  id: string;
  groupId: string;
  sequence: number;
  moduleIndex: number;
  moduleTitle: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  localDate: string;
  localStartTime: string;
  status: Session['status'];
  cancelReason: string | null;
}

export const toSessionView = (session: Session): SessionView => ({
  id: session.id,
  groupId: session.groupId,
  sequence: session.sequence,
  moduleIndex: session.moduleIndex,
  moduleTitle: session.moduleTitle,
  startsAt: session.startsAt,
  endsAt: session.endsAt,
  timezone: session.timezone,
  localDate: session.localDate,
  localStartTime: session.localStartTime,
  status: session.status,
  cancelReason: session.cancelReason,
});
