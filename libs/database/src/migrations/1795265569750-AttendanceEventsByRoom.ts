import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceEventsByRoom1795265569750 implements MigrationInterface {
  name = 'AttendanceEventsByRoom1795265569750';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attendance_events_session_identity_idx"`);
    await queryRunner.query(
      `CREATE INDEX "attendance_events_room_identity_idx" ON "attendance_events"  ("room_name", "identity") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attendance_events_room_identity_idx"`);
    await queryRunner.query(
      `CREATE INDEX "attendance_events_session_identity_idx" ON "attendance_events" USING btree ("session_id", "identity") `,
    );
  }
}
