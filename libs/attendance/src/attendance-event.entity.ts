import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A LiveKit webhook event, verified and stored once by its id (LiveKit retries, so duplicates
 * come). Attendance is always recomputed from these rows, so processing one twice, or out of
 * order, gives the same result.
 */
@Entity('attendance_events')
@Index('attendance_events_room_identity_idx', ['roomName', 'identity'])
export class AttendanceEvent {
  /** LiveKit's event id (`EV_...`), or `reconcile-...` for one the reconciler inferred. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  event!: string;

  @Column('text', { name: 'room_name' })
  roomName!: string;

  @Column('uuid', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  /** The participant's identity: a user id. */
  @Column('text', { nullable: true })
  identity!: string | null;

  @Column('text', { name: 'participant_sid', nullable: true })
  participantSid!: string | null;

  /** When it happened, per LiveKit (seconds precision), or per the reconciler. */
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'processed_at', nullable: true })
  processedAt!: Date | null;
}
