import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 60];

/** Seven years, a common floor for adult clinical records; each organization sets its own. */
export const DEFAULT_CLINICAL_RETENTION_DAYS = 2557;

@Entity('organizations')
@Check(
  'organizations_clinical_retention_days_check',
  `"clinical_retention_days" BETWEEN 1 AND 36500`,
)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** IANA zone used where no group or person zone applies. */
  @Column('text', { default: 'UTC' })
  timezone!: string;

  @Column('integer', {
    name: 'reminder_offsets_minutes',
    array: true,
    default: () => `'{${DEFAULT_REMINDER_OFFSETS_MINUTES.join(',')}}'`,
  })
  reminderOffsetsMinutes!: number[];

  /**
   * How long the clinical records of a person who erased their account are kept, counted from
   * the erasure; then the daily purge deletes them (docs/privacy.md).
   */
  @Column('integer', {
    name: 'clinical_retention_days',
    default: DEFAULT_CLINICAL_RETENTION_DAYS,
  })
  clinicalRetentionDays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
