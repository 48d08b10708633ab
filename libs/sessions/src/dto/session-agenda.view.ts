import { ApiProperty } from '@nestjs/swagger';
import { CurriculumModuleView } from '#curricula';

/**
 * The curriculum module a session follows, from the group's pinned version; both null in a group
 * without a curriculum.
 */
export class SessionAgendaView {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The module's index in the version, from 0",
  })
  moduleIndex!: number | null;

  @ApiProperty({
    type: CurriculumModuleView,
    nullable: true,
    description: 'With the facilitator notes',
  })
  module!: CurriculumModuleView | null;
}
