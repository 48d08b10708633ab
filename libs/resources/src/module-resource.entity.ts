import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Resource } from './resource.entity.js';

/**
 * A resource attached to a curriculum's module. A module is addressed by its curriculum and its
 * 0-based index, not by a version: published versions are frozen and a group pins one, while a
 * session carries its module index, so the attachment reaches every group on any version of the
 * program and survives a new version without touching the frozen one.
 */
@Entity('curriculum_module_resources')
@Index('curriculum_module_resources_resource_id_idx', ['resourceId'])
@Index('curriculum_module_resources_position_key', ['curriculumId', 'moduleIndex', 'position'], {
  unique: true,
})
@Check('curriculum_module_resources_module_index_check', `"module_index" >= 0`)
export class ModuleResource {
  // By entity name: #curricula does not export the Curriculum entity itself.
  @ForeignKey('Curriculum', { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'curriculum_id',
    primaryKeyConstraintName: 'curriculum_module_resources_pkey',
  })
  curriculumId!: string;

  @PrimaryColumn('integer', {
    name: 'module_index',
    primaryKeyConstraintName: 'curriculum_module_resources_pkey',
  })
  moduleIndex!: number;

  @ForeignKey(() => Resource, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'resource_id',
    primaryKeyConstraintName: 'curriculum_module_resources_pkey',
  })
  resourceId!: string;

  /** The order facilitators chose, 0 first. */
  @Column('integer')
  position!: number;
}
