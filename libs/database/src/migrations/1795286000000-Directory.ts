import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public directory: a group's listing (open to requests or not, with an optional PHQ-2 or
 * GAD-2 screening), and people's requests to join, with the consent to the group agreement given
 * with each, the screening's answers and score (for clinician facilitators only), and the answer.
 * One pending request per person and group.
 */
export class Directory1795286000000 implements MigrationInterface {
  name = 'Directory1795286000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "group_listings" (
      "group_id" uuid NOT NULL,
      "open_to_requests" boolean NOT NULL DEFAULT false,
      "screening" text,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "updated_by" uuid,
      CONSTRAINT "group_listings_pkey" PRIMARY KEY ("group_id"),
      CONSTRAINT "group_listings_screening_check" CHECK ("screening" IS NULL OR "screening" IN ('phq2', 'gad2')),
      CONSTRAINT "group_listings_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "group_listings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(`CREATE TABLE "join_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "group_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "status" text NOT NULL,
      "note" text NOT NULL DEFAULT '',
      "language" text NOT NULL DEFAULT 'en',
      "agreement_version" integer,
      "consented_at" timestamptz NOT NULL,
      "screening_instrument" text,
      "screening_answers" integer array,
      "screening_score" integer,
      "message" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "decided_at" timestamptz,
      "decided_by" uuid,
      CONSTRAINT "join_requests_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "join_requests_status_check" CHECK ("status" IN ('pending', 'approved', 'waitlisted', 'declined', 'withdrawn')),
      CONSTRAINT "join_requests_screening_check" CHECK (("screening_instrument" IS NULL AND "screening_answers" IS NULL AND "screening_score" IS NULL) OR ("screening_instrument" IN ('phq2', 'gad2') AND cardinality("screening_answers") = 2 AND "screening_score" IS NOT NULL)),
      CONSTRAINT "join_requests_note_length_check" CHECK (char_length("note") <= 500),
      CONSTRAINT "join_requests_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE,
      CONSTRAINT "join_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "join_requests_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "join_requests_group_id_user_id_pending_key" ON "join_requests" ("group_id", "user_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "join_requests_group_id_created_at_idx" ON "join_requests" ("group_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "join_requests_user_id_idx" ON "join_requests" ("user_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "join_requests"`);
    await queryRunner.query(`DROP TABLE "group_listings"`);
  }
}
