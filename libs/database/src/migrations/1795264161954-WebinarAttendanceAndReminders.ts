import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebinarAttendanceAndReminders1795264161954 implements MigrationInterface {
  name = 'WebinarAttendanceAndReminders1795264161954';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webinar_attendance" ("registration_id" uuid NOT NULL, "webinar_id" uuid NOT NULL, "minutes_watched" numeric(8,2) NOT NULL DEFAULT '0', "first_joined_at" TIMESTAMP WITH TIME ZONE, "last_left_at" TIMESTAMP WITH TIME ZONE, "final" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_868ff06f11a6c885292d090425b" PRIMARY KEY ("registration_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webinar_attendance_webinar_id_idx" ON "webinar_attendance"  ("webinar_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_reminder_deliveries" ("registration_id" uuid NOT NULL, "offset_minutes" integer NOT NULL, "status" text NOT NULL DEFAULT 'sending', CONSTRAINT "PK_b339903bdfd62117c814d0acbff" PRIMARY KEY ("registration_id", "offset_minutes"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_attendance" ADD CONSTRAINT "FK_868ff06f11a6c885292d090425b" FOREIGN KEY ("registration_id") REFERENCES "webinar_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_attendance" ADD CONSTRAINT "FK_0de6cf5a38b1263aa0e7bc7277f" FOREIGN KEY ("webinar_id") REFERENCES "webinars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_reminder_deliveries" ADD CONSTRAINT "FK_7b632efd29abd2d5925e4b336e7" FOREIGN KEY ("registration_id") REFERENCES "webinar_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webinar_reminder_deliveries" DROP CONSTRAINT "FK_7b632efd29abd2d5925e4b336e7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_attendance" DROP CONSTRAINT "FK_0de6cf5a38b1263aa0e7bc7277f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_attendance" DROP CONSTRAINT "FK_868ff06f11a6c885292d090425b"`,
    );
    await queryRunner.query(`DROP TABLE "webinar_reminder_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."webinar_attendance_webinar_id_idx"`);
    await queryRunner.query(`DROP TABLE "webinar_attendance"`);
  }
}
