import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clinical audit log: one row per read or write of clinical data, never changed. The
 * database itself refuses UPDATE, DELETE and TRUNCATE on it, whoever asks. People are kept as
 * bare ids (no foreign keys), so a row outlives the account it names.
 */
export class AuditLog1795275000000 implements MigrationInterface {
  name = 'AuditLog1795275000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "at" timestamptz NOT NULL,
      "actor_id" uuid NOT NULL,
      "action" text NOT NULL,
      "resource_type" text NOT NULL,
      "resource_id" text,
      "subject_user_id" uuid,
      CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('read', 'create', 'update', 'sign', 'resolve', 'export', 'delete'))
    )`);
    await queryRunner.query(
      `CREATE INDEX "audit_log_organization_id_at_idx" ON "audit_log" ("organization_id", "at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_organization_id_subject_user_id_at_idx" ON "audit_log" ("organization_id", "subject_user_id", "at", "id")`,
    );
    await queryRunner.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_update_or_delete"
      BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_no_truncate"
      BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
  }
}
