import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webinars1795263745727 implements MigrationInterface {
  name = 'Webinars1795263745727';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webinars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "timezone" text NOT NULL, "capacity" integer NOT NULL, "qa_moderation" boolean NOT NULL DEFAULT true, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cadbb48a8b68ff75901903d7eea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webinars_organization_id_idx" ON "webinars"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_speakers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webinar_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf54539b4f7f1a8427c39f1bede" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webinar_speakers_webinar_id_email_key" ON "webinar_speakers"  ("webinar_id", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webinar_id" uuid NOT NULL, "display_name" text NOT NULL, "email" text NOT NULL, "promoted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efe2c30e7ef2da9901118ba3266" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webinar_registrations_webinar_id_email_key" ON "webinar_registrations"  ("webinar_id", "email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webinar_id" uuid NOT NULL, "registration_id" uuid NOT NULL, "text" text NOT NULL, "anonymous" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "votes" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webinar_questions_status_check" CHECK ("status" IN ('held', 'visible', 'answered', 'dismissed')), CONSTRAINT "PK_4c7295166cb5ac1dd507dc57b08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webinar_questions_webinar_id_idx" ON "webinar_questions"  ("webinar_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webinar_question_votes" ("question_id" uuid NOT NULL, "registration_id" uuid NOT NULL, CONSTRAINT "PK_52876cb98913b40fa0524e7570e" PRIMARY KEY ("question_id", "registration_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinars" ADD CONSTRAINT "FK_953302a66ad2b99ac3c5aa2c181" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinars" ADD CONSTRAINT "FK_9174c749302689eae9a3ba35563" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_speakers" ADD CONSTRAINT "FK_fcfc21322ece500f6c0f06c1dd3" FOREIGN KEY ("webinar_id") REFERENCES "webinars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_registrations" ADD CONSTRAINT "FK_4dffb1e5e1c0756cc09f6b9870b" FOREIGN KEY ("webinar_id") REFERENCES "webinars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_questions" ADD CONSTRAINT "FK_085d355704d227bae27f63fdfc0" FOREIGN KEY ("webinar_id") REFERENCES "webinars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_questions" ADD CONSTRAINT "FK_d71a73404f38fb4305fb49ebbad" FOREIGN KEY ("registration_id") REFERENCES "webinar_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_question_votes" ADD CONSTRAINT "FK_2f6fa61253badb7dc944e06ba4e" FOREIGN KEY ("question_id") REFERENCES "webinar_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_question_votes" ADD CONSTRAINT "FK_00e0d0a6f2099b430d0395ae75b" FOREIGN KEY ("registration_id") REFERENCES "webinar_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webinar_question_votes" DROP CONSTRAINT "FK_00e0d0a6f2099b430d0395ae75b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_question_votes" DROP CONSTRAINT "FK_2f6fa61253badb7dc944e06ba4e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_questions" DROP CONSTRAINT "FK_d71a73404f38fb4305fb49ebbad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_questions" DROP CONSTRAINT "FK_085d355704d227bae27f63fdfc0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_registrations" DROP CONSTRAINT "FK_4dffb1e5e1c0756cc09f6b9870b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinar_speakers" DROP CONSTRAINT "FK_fcfc21322ece500f6c0f06c1dd3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinars" DROP CONSTRAINT "FK_9174c749302689eae9a3ba35563"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webinars" DROP CONSTRAINT "FK_953302a66ad2b99ac3c5aa2c181"`,
    );
    await queryRunner.query(`DROP TABLE "webinar_question_votes"`);
    await queryRunner.query(`DROP INDEX "public"."webinar_questions_webinar_id_idx"`);
    await queryRunner.query(`DROP TABLE "webinar_questions"`);
    await queryRunner.query(`DROP INDEX "public"."webinar_registrations_webinar_id_email_key"`);
    await queryRunner.query(`DROP TABLE "webinar_registrations"`);
    await queryRunner.query(`DROP INDEX "public"."webinar_speakers_webinar_id_email_key"`);
    await queryRunner.query(`DROP TABLE "webinar_speakers"`);
    await queryRunner.query(`DROP INDEX "public"."webinars_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "webinars"`);
  }
}
