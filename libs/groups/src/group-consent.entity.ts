import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '#identity';
import { Group } from './group.entity.js';

/** A participant's consent to a version of the organization's group agreement, for one group. */
@Entity('group_consents')
@Index('group_consents_group_id_user_id_version_key', ['groupId', 'userId', 'agreementVersion'], {
  unique: true,
})
export class GroupConsent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'group_id' })
  groupId!: string;

  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('integer', { name: 'agreement_version' })
  agreementVersion!: number;

  @CreateDateColumn({ name: 'consented_at', type: 'timestamptz' })
  consentedAt!: Date;
}
