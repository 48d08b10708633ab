import { ApiProperty } from '@nestjs/swagger';
import { ListOf, PageOf } from '#common';
import { RESOURCE_KINDS, type ResourceKind } from '../resource.entity.js';

/** Who wrote or last changed a resource, by alias ("Former member" after an erasure). */
export class ResourceEditorView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;
}

/** A resource in a list: its text only as a short excerpt. */
export class ResourceSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: RESOURCE_KINDS, enumName: 'ResourceKind' })
  kind!: ResourceKind;

  @ApiProperty({ type: String, nullable: true, description: 'An https address outside Hearth' })
  url!: string | null;

  @ApiProperty({ description: 'The first words of the text (plain text); empty without one' })
  excerpt!: string;

  @ApiProperty({ description: 'Whether it has a text to read in Hearth' })
  hasBody!: boolean;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty()
  updatedAt!: Date;
}

/** One resource with its whole text. */
export class ResourceView extends ResourceSummaryView {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Plain text, never HTML' })
  body!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({
    type: ResourceEditorView,
    nullable: true,
    description: 'For curators only (null for members)',
  })
  createdBy!: ResourceEditorView | null;

  @ApiProperty({
    type: ResourceEditorView,
    nullable: true,
    description: 'For curators only (null for members)',
  })
  updatedBy!: ResourceEditorView | null;

  @ApiProperty({ description: 'Whether the caller may change or delete it' })
  canEdit!: boolean;
}

export class ResourcePage extends PageOf(ResourceSummaryView) {
  @ApiProperty({ description: 'Whether the caller may add resources to this library' })
  canEdit!: boolean;
}

/** A module's resources in the order facilitators chose. */
export class ModuleResourceList extends ListOf(ResourceSummaryView) {
  @ApiProperty({ format: 'uuid' })
  curriculumId!: string;

  @ApiProperty({ type: 'integer', description: "The module's 0-based index in the program" })
  index!: number;
}

/** The resources of a session's module, for the group's members and facilitators. */
export class SessionResourceList extends ListOf(ResourceSummaryView) {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;
}
