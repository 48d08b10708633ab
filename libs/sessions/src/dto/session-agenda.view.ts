import { ApiProperty } from '@nestjs/swagger';
import { CurriculumModuleView } from '#curricula';

/** The curriculum module a session follows, from the group's pinned version. */
export class SessionAgendaView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: 'integer', description: "The module's index in the version, from 0" })
  moduleIndex!: number;

  @ApiProperty({ type: CurriculumModuleView, description: 'With the facilitator notes' })
  module!: CurriculumModuleView;
}
