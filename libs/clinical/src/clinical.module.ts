import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { GroupsModule } from '#groups';
import { NotificationsModule } from '#notifications';
import { RemindersModule } from '#reminders';
import { SessionsModule } from '#sessions';
import { VideoModule } from '#video';
import { CrisisResourcesRepository } from './crisis/crisis-resources.repository.js';
import { CrisisResourcesService } from './crisis/crisis-resources.service.js';
import { OrganizationCrisisResources } from './crisis/organization-crisis-resources.entity.js';
import { Homework } from './homework/homework.entity.js';
import { Incident } from './incidents/incident.entity.js';
import { IncidentRepository } from './incidents/incident.repository.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { HomeworkRepository } from './homework/homework.repository.js';
import { HomeworkService } from './homework/homework.service.js';
import {
  GroupMeasureSettings,
  MeasureRequest,
  MeasureResponse,
  RiskAlert,
  RiskAlertNotice,
} from './measures/measure.entities.js';
import { CheckInReminders } from './measure-check-ins/check-in-reminders.js';
import { MeasureCheckInsQueue } from './measure-check-ins/measure-check-ins.queue.js';
import { MeasureRepository } from './measures/measure.repository.js';
import { MeasuresService } from './measures/measures.service.js';
import { RiskAlertsService } from './measures/risk-alerts.service.js';
import { NoteRepository } from './notes/note.repository.js';
import { NoteAddendum, SessionNote, SessionNoteSignature } from './notes/session-note.entity.js';
import { SessionNotesService } from './notes/session-notes.service.js';
import { ClinicalPersonalData } from './personal-data/clinical-personal-data.js';
import { ClinicalPersonalDataRepository } from './personal-data/clinical-personal-data.repository.js';
import { RiskAlertEmailQueue } from './send-risk-alert-email/risk-alert-email.queue.js';
import { SideRoom } from './side-rooms/side-room.entity.js';
import { SideRoomRepository } from './side-rooms/side-room.repository.js';
import { SideRoomsService } from './side-rooms/side-rooms.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SessionNote,
      SessionNoteSignature,
      NoteAddendum,
      OrganizationCrisisResources,
      GroupMeasureSettings,
      MeasureRequest,
      MeasureResponse,
      RiskAlert,
      RiskAlertNotice,
      Homework,
      SideRoom,
      Incident,
    ]),
    SessionsModule,
    GroupsModule,
    NotificationsModule,
    RemindersModule,
    AuditModule,
    VideoModule,
  ],
  providers: [
    NoteRepository,
    SessionNotesService,
    CrisisResourcesRepository,
    CrisisResourcesService,
    MeasureRepository,
    MeasuresService,
    RiskAlertsService,
    RiskAlertEmailQueue,
    CheckInReminders,
    MeasureCheckInsQueue,
    HomeworkRepository,
    HomeworkService,
    ClinicalPersonalDataRepository,
    ClinicalPersonalData,
    SideRoomRepository,
    SideRoomsService,
    IncidentRepository,
    IncidentsService,
  ],
  exports: [
    MeasureRepository,
    RiskAlertEmailQueue,
    CheckInReminders,
    MeasureCheckInsQueue,
    SessionNotesService,
    CrisisResourcesService,
    MeasuresService,
    RiskAlertsService,
    HomeworkService,
    SideRoomsService,
    IncidentsService,
  ],
})
export class ClinicalModule {}
