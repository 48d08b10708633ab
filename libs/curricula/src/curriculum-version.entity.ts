import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { CurriculumModule } from './curriculum-module.js';
import { Curriculum } from './curriculum.entity.js';

export type CurriculumVersionStatus = 'draft' | 'published';

/**
 * One version of a curriculum: its modules, in order. A published version is frozen; groups pin
 * one, so editing a curriculum (a new version) never changes a running group.
 */
@Entity('curriculum_versions')
@Index('curriculum_versions_curriculum_id_version_key', ['curriculumId', 'version'], {
  unique: true,
})
@Check('curriculum_versions_status_check', `"status" IN ('draft', 'published')`)
export class CurriculumVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Curriculum, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'curriculum_id' })
  curriculumId!: string;

  @Column('integer')
  version!: number;

  @Column('text')
  status!: CurriculumVersionStatus;

  @Column('jsonb')
  modules!: CurriculumModule[];

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
