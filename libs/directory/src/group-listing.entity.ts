import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Group } from '#groups';
import { User } from '#identity';

/** The short screenings a listing may ask for: the first two items of PHQ-9 or GAD-7. */
export const SCREENINGS = ['phq2', 'gad2'] as const;
export type Screening = (typeof SCREENINGS)[number];

/**
 * A group's line in its organization's public directory, set by its facilitators: whether people
 * may ask to join, and whether a short screening is asked with the request.
 */
@Entity('group_listings')
@Check('group_listings_screening_check', `"screening" IS NULL OR "screening" IN ('phq2', 'gad2')`)
export class GroupListing {
  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'group_id' })
  groupId!: string;

  @Column('boolean', { name: 'open_to_requests', default: false })
  openToRequests!: boolean;

  @Column('text', { nullable: true })
  screening!: Screening | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ForeignKey(() => User, { onDelete: 'SET NULL' })
  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;
}
