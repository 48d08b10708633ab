import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { User } from '#identity';
import { Group } from './group.entity.js';

@Entity('group_co_facilitators')
export class GroupCoFacilitator {
  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'group_id' })
  groupId!: string;

  @Index('group_co_facilitators_user_id_idx')
  @ForeignKey(() => User, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;
}
