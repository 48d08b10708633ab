import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#audit';
import { SessionsModule } from '#sessions';
import { NoteRepository } from './notes/note.repository.js';
import { NoteAddendum, SessionNote, SessionNoteSignature } from './notes/session-note.entity.js';
import { SessionNotesService } from './notes/session-notes.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionNote, SessionNoteSignature, NoteAddendum]),
    SessionsModule,
    AuditModule,
  ],
  providers: [NoteRepository, SessionNotesService],
  exports: [SessionNotesService],
})
export class ClinicalModule {}
