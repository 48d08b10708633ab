import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListOf, PageOf } from '#common';
import type { AgendaItem, CurriculumModule, Exercise, Material } from '../curriculum-module.js';
import type { CurriculumVersionStatus } from '../curriculum-version.entity.js';

const versionStatus = {
  enum: ['draft', 'published'],
  enumName: 'CurriculumVersionStatus',
} as const;

/** A built-in program a curriculum can be created from. */
export class CurriculumTemplateView {
  @ApiProperty({ example: 'cbt-depression-8' })
  key!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['cbt', 'mbct'] })
  approach!: 'cbt' | 'mbct';

  @ApiProperty({ type: 'integer' })
  sessionCount!: number;

  @ApiProperty({ type: 'integer', description: "Every module's agenda adds up to this" })
  sessionMinutes!: number;
}

export class CurriculumTemplateList extends ListOf(CurriculumTemplateView) {}

export class AgendaItemView implements AgendaItem {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  minutes!: number;

  @ApiPropertyOptional({ description: 'For facilitators only' })
  facilitatorNotes?: string;
}

export class MaterialView implements Material {
  @ApiProperty()
  title!: string;

  @ApiPropertyOptional()
  text?: string;

  @ApiPropertyOptional()
  url?: string;
}

export class ExerciseView implements Exercise {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  instructions!: string;

  @ApiPropertyOptional({ type: 'integer' })
  minutes?: number;
}

/** One session of a program. */
export class CurriculumModuleView implements CurriculumModule {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String] })
  goals!: string[];

  @ApiProperty({ type: [AgendaItemView] })
  agenda!: AgendaItemView[];

  @ApiProperty({ type: [MaterialView] })
  materials!: MaterialView[];

  @ApiProperty({ type: [ExerciseView] })
  exercises!: ExerciseView[];

  @ApiProperty({ type: [String] })
  homework!: string[];
}

export class CurriculumVersionRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty(versionStatus)
  status!: CurriculumVersionStatus;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt!: Date | null;
}

/** A version with its modules: a draft being edited, or a published (frozen) one. */
export class CurriculumVersionView extends CurriculumVersionRef {
  @ApiProperty({ type: [CurriculumModuleView] })
  modules!: CurriculumModuleView[];
}

/** A curriculum with its versions and the modules of the current (newest published) one. */
export class CurriculumView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 'cbt', description: '`cbt`, `mbct` or `custom`' })
  approach!: string;

  @ApiProperty({ type: String, nullable: true, example: 'cbt-depression-8' })
  templateKey!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdById!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The newest published version, the one new groups pin',
  })
  currentVersionId!: string | null;

  @ApiProperty({ type: [CurriculumVersionRef] })
  versions!: CurriculumVersionRef[];

  @ApiProperty({ type: [CurriculumModuleView] })
  modules!: CurriculumModuleView[];
}

/** A curriculum in a list: what picks one out, never the modules' text. */
export class CurriculumSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  approach!: string;

  @ApiProperty({ type: String, nullable: true })
  templateKey!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The newest published version, the one new groups pin',
  })
  currentVersionId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  currentVersion!: number | null;

  @ApiProperty({ type: 'integer' })
  moduleCount!: number;

  @ApiProperty({ type: 'integer', description: "The newest version's number" })
  latestVersion!: number;

  @ApiProperty({ ...versionStatus, description: '`draft` while an edit awaits publishing' })
  status!: CurriculumVersionStatus;

  @ApiProperty()
  createdAt!: Date;
}

export class CurriculumSummaryPage extends PageOf(CurriculumSummary) {}
