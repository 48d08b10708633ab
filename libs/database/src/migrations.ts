import type { MigrationInterface } from 'typeorm';
import { Foundation1795258691237 } from './migrations/1795258691237-Foundation.js';
import { EmailVerification1795260000000 } from './migrations/1795260000000-EmailVerification.js';
import { CurriculaGroupsSessions1795260778797 } from './migrations/1795260778797-CurriculaGroupsSessions.js';
import { LobbyAndRemovals1795261445419 } from './migrations/1795261445419-LobbyAndRemovals.js';
import { GroupScreenShare1795261771277 } from './migrations/1795261771277-GroupScreenShare.js';
import { RemindersAndNotifications1795261993907 } from './migrations/1795261993907-RemindersAndNotifications.js';
import { Attendance1795263092564 } from './migrations/1795263092564-Attendance.js';
import { Webinars1795263745727 } from './migrations/1795263745727-Webinars.js';
import { WebinarAttendanceAndReminders1795264161954 } from './migrations/1795264161954-WebinarAttendanceAndReminders.js';
import { DeliveryRevision1795264583772 } from './migrations/1795264583772-DeliveryRevision.js';
import { AttendanceEventsByRoom1795265569750 } from './migrations/1795265569750-AttendanceEventsByRoom.js';
import { Accounts1795270000000 } from './migrations/1795270000000-Accounts.js';
import { ConsentAndHosts1795271000000 } from './migrations/1795271000000-ConsentAndHosts.js';
import { ListIndexes1795272000000 } from './migrations/1795272000000-ListIndexes.js';
import { AccountRecovery1795273000000 } from './migrations/1795273000000-AccountRecovery.js';
import { RefreshRevokeReason1795274000000 } from './migrations/1795274000000-RefreshRevokeReason.js';
import { AuditLog1795275000000 } from './migrations/1795275000000-AuditLog.js';
import { SessionNotes1795276000000 } from './migrations/1795276000000-SessionNotes.js';
import { CrisisResources1795277000000 } from './migrations/1795277000000-CrisisResources.js';
import { Measures1795278000000 } from './migrations/1795278000000-Measures.js';
import { Homework1795279000000 } from './migrations/1795279000000-Homework.js';
import { DataRights1795280000000 } from './migrations/1795280000000-DataRights.js';
import { SideRoomsAndIncidents1795281000000 } from './migrations/1795281000000-SideRoomsAndIncidents.js';
import { LegalName1795282000000 } from './migrations/1795282000000-LegalName.js';
import { NotificationSubject1795283000000 } from './migrations/1795283000000-NotificationSubject.js';
import { Community1795284000000 } from './migrations/1795284000000-Community.js';
import { GroupKinds1795285000000 } from './migrations/1795285000000-GroupKinds.js';
import { Directory1795286000000 } from './migrations/1795286000000-Directory.js';
import { Resources1795287000000 } from './migrations/1795287000000-Resources.js';
import { RoomChat1795288000000 } from './migrations/1795288000000-RoomChat.js';
import { NotificationLink1795289000000 } from './migrations/1795289000000-NotificationLink.js';
import { DismissReports1795290000000 } from './migrations/1795290000000-DismissReports.js';

/**
 * Every migration, oldest first. Listed explicitly rather than globbed so the same list works
 * from compiled output, from tests running the TypeScript sources, and from a bundle.
 * `npm run migration:generate -- libs/database/src/migrations/<Name>` writes a new one: add it here.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1795258691237,
  EmailVerification1795260000000,
  CurriculaGroupsSessions1795260778797,
  LobbyAndRemovals1795261445419,
  GroupScreenShare1795261771277,
  RemindersAndNotifications1795261993907,
  Attendance1795263092564,
  Webinars1795263745727,
  WebinarAttendanceAndReminders1795264161954,
  DeliveryRevision1795264583772,
  AttendanceEventsByRoom1795265569750,
  Accounts1795270000000,
  ConsentAndHosts1795271000000,
  ListIndexes1795272000000,
  AccountRecovery1795273000000,
  RefreshRevokeReason1795274000000,
  AuditLog1795275000000,
  SessionNotes1795276000000,
  CrisisResources1795277000000,
  Measures1795278000000,
  Homework1795279000000,
  DataRights1795280000000,
  SideRoomsAndIncidents1795281000000,
  LegalName1795282000000,
  NotificationSubject1795283000000,
  Community1795284000000,
  GroupKinds1795285000000,
  Directory1795286000000,
  Resources1795287000000,
  RoomChat1795288000000,
  NotificationLink1795289000000,
  DismissReports1795290000000,
];
