import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Group } from '#groups';
import { Session } from '#sessions';
import type { MeasureLanguage } from '../instrument-translations.js';
import type { MeasureKey, Severity } from '../instruments.js';

/** Which measures a group uses, and before which sessions (every N, from the first). */
@Entity('group_measure_settings')
@Check('group_measure_settings_every_sessions_check', `"every_sessions" BETWEEN 1 AND 52`)
export class GroupMeasureSettings {
  @ForeignKey(() => Group, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', {
    name: 'group_id',
    primaryKeyConstraintName: 'group_measure_settings_pkey',
  })
  groupId!: string;

  @Column('text', { array: true })
  measures!: MeasureKey[];

  @Column('integer', { name: 'every_sessions' })
  everySessions!: number;
}

/** A measure a member is asked to answer before a session: open from `opensAt`, gone at its start. */
@Entity('measure_requests')
@Index(
  'measure_requests_session_id_user_id_measure_key_key',
  ['sessionId', 'userId', 'measureKey'],
  {
    unique: true,
  },
)
@Index('measure_requests_user_id_expires_at_idx', ['userId', 'expiresAt'])
@Index('measure_requests_unreminded_idx', ['expiresAt'], {
  where: 'completed_at IS NULL AND reminded_at IS NULL',
})
@Check('measure_requests_measure_key_check', `"measure_key" IN ('phq-9', 'gad-7')`)
export class MeasureRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measure_requests_pkey' })
  id!: string;

  @ForeignKey(() => Session, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'measure_key' })
  measureKey!: MeasureKey;

  @Column('timestamptz', { name: 'opens_at' })
  opensAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** When its one reminder went out (the reminder pipeline's check-in round). */
  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;
}

/** A member's answers to one request, with the score and band they make. */
@Entity('measure_responses')
@Index('measure_responses_session_id_idx', ['sessionId'])
export class MeasureResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measure_responses_pkey' })
  id!: string;

  @ForeignKey(() => MeasureRequest, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'request_id', unique: true })
  requestId!: string;

  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'measure_key' })
  measureKey!: MeasureKey;

  @Column('integer', { array: true })
  answers!: number[];

  @Column('integer')
  score!: number;

  @Column('text')
  severity!: Severity;

  /** The language of the items the person answered (en, bn or id): versions are not mixed up. */
  @Column('text')
  language!: MeasureLanguage;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

export type RiskAlertKind = 'phq9_item9';

/** A risk the facilitators must see before the session; open until one resolves it with a note. */
@Entity('risk_alerts')
@Index('risk_alerts_session_id_created_at_idx', ['sessionId', 'createdAt'])
@Check('risk_alerts_kind_check', `"kind" IN ('phq9_item9')`)
export class RiskAlert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'risk_alerts_pkey' })
  id!: string;

  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ForeignKey(() => MeasureResponse, { onDelete: 'CASCADE' })
  @Column('uuid', { name: 'response_id' })
  responseId!: string;

  @Column('text')
  kind!: RiskAlertKind;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('uuid', { name: 'resolved_by_id', nullable: true })
  resolvedById!: string | null;

  /** When every facilitator was told (in the app and by e-mail); null until then. */
  @Column('timestamptz', { name: 'notified_at', nullable: true })
  notifiedAt!: Date | null;

  @Column('text', { nullable: true })
  resolution!: string | null;
}

/**
 * One facilitator told of one alert on one channel: claimed before sending, so a retried job
 * tells nobody twice and still tells whoever it missed.
 */
@Entity('risk_alert_notices')
@Check('risk_alert_notices_channel_check', `"channel" IN ('email', 'in_app')`)
@Check('risk_alert_notices_status_check', `"status" IN ('sending', 'sent')`)
export class RiskAlertNotice {
  @ForeignKey(() => RiskAlert, { onDelete: 'CASCADE' })
  @PrimaryColumn('uuid', { name: 'alert_id', primaryKeyConstraintName: 'risk_alert_notices_pkey' })
  alertId!: string;

  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'risk_alert_notices_pkey' })
  userId!: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'risk_alert_notices_pkey' })
  channel!: 'email' | 'in_app';

  @Column('text')
  status!: 'sending' | 'sent';
}
