import { Injectable } from '@nestjs/common';
import { CurriculaService } from '#curricula';
import type { SessionAgendaView } from './dto/session-agenda.view.js';
import { SessionAccess } from './session-access.js';

/** The module a session follows, facilitator notes included: for the group's facilitators. */
@Injectable()
export class SessionAgendaService {
  constructor(
    private readonly access: SessionAccess,
    private readonly curricula: CurriculaService,
  ) {}

  async agenda(sessionId: string, actorId: string): Promise<SessionAgendaView> {
    const { session, group } = await this.access.requireFacilitator(sessionId, actorId);
    if (group.curriculumVersionId === null || session.moduleIndex === null) {
      return { sessionId: session.id, moduleIndex: null, module: null };
    }
    const version = await this.curricula.publishedVersionFor(
      group.organizationId,
      group.curriculumVersionId,
    );
    return {
      sessionId: session.id,
      moduleIndex: session.moduleIndex,
      module: version.modules[session.moduleIndex] ?? version.modules[version.modules.length - 1],
    };
  }
}
