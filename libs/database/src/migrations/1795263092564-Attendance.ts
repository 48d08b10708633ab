import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attendance1795263092564 implements MigrationInterface {
  name = 'Attendance1795263092564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attendance_events" ("id" text NOT NULL, "event" text NOT NULL, "room_name" text NOT NULL, "session_id" uuid, "identity" text, "participant_sid" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8d7140035888f869932307395ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "attendance_events_session_identity_idx" ON "attendance_events"  ("session_id", "identity") `,
    );
    await queryRunner.query(
      `CREATE TABLE "absence_follow_ups" ("session_id" uuid NOT NULL, "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9e3be0bb9b3cab11b5360265dc" PRIMARY KEY ("session_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "attendance" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "minutes_present" numeric(8,2) NOT NULL DEFAULT '0', "first_joined_at" TIMESTAMP WITH TIME ZONE, "last_left_at" TIMESTAMP WITH TIME ZONE, "intervals" jsonb NOT NULL DEFAULT '[]', "sid_intervals" jsonb NOT NULL DEFAULT '{}', "final" boolean NOT NULL DEFAULT false, "override_status" text, "override_reason" text, "override_by_id" uuid, "override_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attendance_override_status_check" CHECK ("override_status" IS NULL OR "override_status" IN ('present', 'excused')), CONSTRAINT "attendance_status_check" CHECK ("status" IN ('present', 'partial', 'absent')), CONSTRAINT "PK_37e850d97ec5e8b0345ad6eb671" PRIMARY KEY ("session_id", "user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_follow_ups" ADD CONSTRAINT "FK_548633e32ca070abb9272ff751e" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_follow_ups" ADD CONSTRAINT "FK_fab421eec889763e74d60f0d381" FOREIGN KEY ("member_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_5940f7beb6d791a618dbf88361e" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_0bedbcc8d5f9b9ec4979f519597" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_8461fa9a7a0615e5cce7e460ca6" FOREIGN KEY ("override_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attendance" DROP CONSTRAINT "FK_8461fa9a7a0615e5cce7e460ca6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" DROP CONSTRAINT "FK_0bedbcc8d5f9b9ec4979f519597"`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" DROP CONSTRAINT "FK_5940f7beb6d791a618dbf88361e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_follow_ups" DROP CONSTRAINT "FK_fab421eec889763e74d60f0d381"`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence_follow_ups" DROP CONSTRAINT "FK_548633e32ca070abb9272ff751e"`,
    );
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP TABLE "absence_follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_events_session_identity_idx"`);
    await queryRunner.query(`DROP TABLE "attendance_events"`);
  }
}
