import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { SessionsModule } from '#sessions';
import { CrisisResourcesRepository } from './crisis/crisis-resources.repository.js';
import { CrisisResourcesService } from './crisis/crisis-resources.service.js';
import { OrganizationCrisisResources } from './crisis/organization-crisis-resources.entity.js';
import { NoteRepository } from './notes/note.repository.js';
import { NoteAddendum, SessionNote, SessionNoteSignature } from './notes/session-note.entity.js';
import { SessionNotesService } from './notes/session-notes.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SessionNote,
      SessionNoteSignature,
      NoteAddendum,
      OrganizationCrisisResources,
    ]),
    SessionsModule,
    AuditModule,
  ],
  providers: [
    NoteRepository,
    SessionNotesService,
    CrisisResourcesRepository,
    CrisisResourcesService,
  ],
  exports: [SessionNotesService, CrisisResourcesService],
})
export class ClinicalModule {}
