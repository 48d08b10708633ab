import { MigrationInterface, QueryRunner } from 'typeorm';

export class CurriculaGroupsSessions1795260778797 implements MigrationInterface {
  name = 'CurriculaGroupsSessions1795260778797';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "curricula" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "approach" text NOT NULL DEFAULT 'custom', "template_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7c5dd2066e2bbf3b6ad0a71c567" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "curricula_organization_id_idx" ON "curricula"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "curriculum_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "curriculum_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "modules" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "curriculum_versions_status_check" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_dca2425faf5e38d8ab1953ce400" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "curriculum_versions_curriculum_id_version_key" ON "curriculum_versions"  ("curriculum_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "tags" text array NOT NULL DEFAULT '{}', "lead_facilitator_id" uuid NOT NULL, "curriculum_version_id" uuid NOT NULL, "capacity" integer NOT NULL, "min_size" integer NOT NULL DEFAULT '1', "lobby_enabled" boolean NOT NULL DEFAULT true, "timezone" text NOT NULL, "first_session_date" text NOT NULL, "start_time" text NOT NULL, "duration_minutes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "groups_organization_id_idx" ON "groups"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "sequence" integer NOT NULL, "module_index" integer NOT NULL, "module_title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" text NOT NULL, "local_date" text NOT NULL, "local_start_time" text NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "cancel_reason" text, "revision" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sessions_ends_after_start_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "sessions_status_check" CHECK ("status" IN ('scheduled', 'open', 'live', 'ended', 'cancelled')), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sessions_group_id_sequence_key" ON "sessions"  ("group_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE INDEX "sessions_group_id_starts_at_idx" ON "sessions"  ("group_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "promoted_at" TIMESTAMP WITH TIME ZONE, "promotion_mailed_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enrollments_status_check" CHECK ("status" IN ('active', 'waitlisted', 'withdrawn')), CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "enrollments_user_id_idx" ON "enrollments"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "enrollments_group_id_status_queued_at_idx" ON "enrollments"  ("group_id", "status", "queued_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "enrollments_group_id_user_id_key" ON "enrollments"  ("group_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_co_facilitators" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_46ae42c11a9c09594aa6ac6cb3b" PRIMARY KEY ("group_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "group_co_facilitators_user_id_idx" ON "group_co_facilitators"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "agreement_version" integer NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bdce370a6631e2e60c9588a66fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "group_consents_group_id_user_id_version_key" ON "group_consents"  ("group_id", "user_id", "agreement_version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "curricula" ADD CONSTRAINT "FK_47ae56eb1089128fbd4cb6a83ed" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_versions" ADD CONSTRAINT "FK_ecfa2c63fae6a736b7ac1441152" FOREIGN KEY ("curriculum_id") REFERENCES "curricula"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_f7f1b335edff519132aa2163fef" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_910face6f3c86babab224813064" FOREIGN KEY ("lead_facilitator_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" ADD CONSTRAINT "FK_f8d7a4a90015bf33ed660c88731" FOREIGN KEY ("curriculum_version_id") REFERENCES "curriculum_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_29cb65ff2ae5b234efbe9b6c09b" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_52e3e34305ad0800648eab215ed" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_co_facilitators" ADD CONSTRAINT "FK_a96e414a07745d45fec978cb5bf" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_co_facilitators" ADD CONSTRAINT "FK_36557b68e5f0b9d541a6d1895fb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_consents" ADD CONSTRAINT "FK_04d3a8c5fdd9050e983b6457857" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_consents" ADD CONSTRAINT "FK_cb97a99dacf3397a2c0320faa90" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Belt and braces under the application's row lock: the database itself refuses a seat
    // beyond a group's capacity, whoever writes the row.
    await queryRunner.query(`CREATE FUNCTION enforce_group_capacity() RETURNS trigger AS $$
BEGIN
  IF NEW.status = 'active' AND (
    SELECT count(*) FROM enrollments WHERE group_id = NEW.group_id AND status = 'active'
  ) > (SELECT capacity FROM groups WHERE id = NEW.group_id) THEN
    RAISE EXCEPTION 'group % is full', NEW.group_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER enrollments_capacity AFTER INSERT OR UPDATE OF status ON enrollments DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION enforce_group_capacity()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER enrollments_capacity ON enrollments`);
    await queryRunner.query(`DROP FUNCTION enforce_group_capacity()`);
    await queryRunner.query(
      `ALTER TABLE "group_consents" DROP CONSTRAINT "FK_cb97a99dacf3397a2c0320faa90"`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_consents" DROP CONSTRAINT "FK_04d3a8c5fdd9050e983b6457857"`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_co_facilitators" DROP CONSTRAINT "FK_36557b68e5f0b9d541a6d1895fb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_co_facilitators" DROP CONSTRAINT "FK_a96e414a07745d45fec978cb5bf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "FK_52e3e34305ad0800648eab215ed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_29cb65ff2ae5b234efbe9b6c09b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" DROP CONSTRAINT "FK_f8d7a4a90015bf33ed660c88731"`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" DROP CONSTRAINT "FK_910face6f3c86babab224813064"`,
    );
    await queryRunner.query(
      `ALTER TABLE "groups" DROP CONSTRAINT "FK_f7f1b335edff519132aa2163fef"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curriculum_versions" DROP CONSTRAINT "FK_ecfa2c63fae6a736b7ac1441152"`,
    );
    await queryRunner.query(
      `ALTER TABLE "curricula" DROP CONSTRAINT "FK_47ae56eb1089128fbd4cb6a83ed"`,
    );
    await queryRunner.query(`DROP INDEX "public"."group_consents_group_id_user_id_version_key"`);
    await queryRunner.query(`DROP TABLE "group_consents"`);
    await queryRunner.query(`DROP INDEX "public"."group_co_facilitators_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "group_co_facilitators"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_group_id_user_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_group_id_status_queued_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_group_id_starts_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_group_id_sequence_key"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."groups_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "groups"`);
    await queryRunner.query(`DROP INDEX "public"."curriculum_versions_curriculum_id_version_key"`);
    await queryRunner.query(`DROP TABLE "curriculum_versions"`);
    await queryRunner.query(`DROP INDEX "public"."curricula_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "curricula"`);
  }
}
