import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures: which a group uses and how often, one request per member, session and measure
 * (open a set time before the session, expired at its start), the answers, and risk alerts
 * that stay open until a facilitator resolves them with a note.
 */
export class Measures1795278000000 implements MigrationInterface {
  name = 'Measures1795278000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "group_measure_settings" (
      "group_id" uuid NOT NULL,
      "measures" text array NOT NULL,
      "every_sessions" integer NOT NULL,
      CONSTRAINT "group_measure_settings_pkey" PRIMARY KEY ("group_id"),
      CONSTRAINT "group_measure_settings_every_sessions_check" CHECK ("every_sessions" BETWEEN 1 AND 52),
      CONSTRAINT "group_measure_settings_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE TABLE "measure_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "measure_key" text NOT NULL,
      "opens_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "completed_at" timestamptz,
      "reminded_at" timestamptz,
      CONSTRAINT "measure_requests_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "measure_requests_measure_key_check" CHECK ("measure_key" IN ('phq-9', 'gad-7')),
      CONSTRAINT "measure_requests_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "measure_requests_session_id_user_id_measure_key_key" ON "measure_requests" ("session_id", "user_id", "measure_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "measure_requests_user_id_expires_at_idx" ON "measure_requests" ("user_id", "expires_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "measure_requests_unreminded_idx" ON "measure_requests" ("expires_at") WHERE completed_at IS NULL AND reminded_at IS NULL`,
    );
    await queryRunner.query(`CREATE TABLE "measure_responses" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "request_id" uuid NOT NULL,
      "session_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "measure_key" text NOT NULL,
      "answers" integer array NOT NULL,
      "score" integer NOT NULL,
      "severity" text NOT NULL,
      "language" text NOT NULL,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "measure_responses_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "measure_responses_request_id_key" UNIQUE ("request_id"),
      CONSTRAINT "measure_responses_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "measure_requests"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "measure_responses_session_id_idx" ON "measure_responses" ("session_id")`,
    );
    await queryRunner.query(`CREATE TABLE "risk_alerts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "session_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "response_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "created_at" timestamptz NOT NULL,
      "resolved_at" timestamptz,
      "resolved_by_id" uuid,
      "resolution" text,
      "notified_at" timestamptz,
      CONSTRAINT "risk_alerts_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "risk_alerts_kind_check" CHECK ("kind" IN ('phq9_item9')),
      CONSTRAINT "risk_alerts_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "measure_responses"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "risk_alerts_session_id_created_at_idx" ON "risk_alerts" ("session_id", "created_at")`,
    );
    await queryRunner.query(`CREATE TABLE "risk_alert_notices" (
      "alert_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "channel" text NOT NULL,
      "status" text NOT NULL,
      CONSTRAINT "risk_alert_notices_pkey" PRIMARY KEY ("alert_id", "user_id", "channel"),
      CONSTRAINT "risk_alert_notices_channel_check" CHECK ("channel" IN ('email', 'in_app')),
      CONSTRAINT "risk_alert_notices_status_check" CHECK ("status" IN ('sending', 'sent')),
      CONSTRAINT "risk_alert_notices_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "risk_alerts"("id") ON DELETE CASCADE
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "risk_alert_notices"`);
    await queryRunner.query(`DROP TABLE "risk_alerts"`);
    await queryRunner.query(`DROP TABLE "measure_responses"`);
    await queryRunner.query(`DROP TABLE "measure_requests"`);
    await queryRunner.query(`DROP TABLE "group_measure_settings"`);
  }
}
