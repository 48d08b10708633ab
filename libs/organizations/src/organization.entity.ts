import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const DEFAULT_REMINDER_OFFSETS_MINUTES = [1440, 60];

@Entity('organizations')
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
