import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organization's resource library (articles, worksheets, videos, audio, links; tags; a
 * language) and the resources attached to a curriculum's modules, addressed by the curriculum and
 * the module's index so every version of the program and every group on it shares them.
 */
export class Resources1795287000000 implements MigrationInterface {
  name = 'Resources1795287000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "resources" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "title" text NOT NULL,
      "kind" text NOT NULL,
      "url" text,
      "body" text,
      "tags" text array NOT NULL DEFAULT '{}',
      "language" text NOT NULL,
      "created_by_id" uuid,
      "updated_by_id" uuid,
      "created_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "resources_kind_check" CHECK ("kind" IN ('article', 'worksheet', 'video', 'audio', 'link')),
      CONSTRAINT "resources_title_check" CHECK (char_length("title") BETWEEN 1 AND 200),
      CONSTRAINT "resources_url_check" CHECK ("url" IS NULL OR ("url" LIKE 'https://%' AND char_length("url") <= 2000)),
      CONSTRAINT "resources_body_check" CHECK ("body" IS NULL OR char_length("body") <= 20000),
      CONSTRAINT "resources_content_check" CHECK (("url" IS NOT NULL OR "body" IS NOT NULL) AND ("url" IS NOT NULL OR "kind" NOT IN ('video', 'audio', 'link'))),
      CONSTRAINT "resources_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
      CONSTRAINT "resources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "resources_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX "resources_organization_id_created_at_idx" ON "resources" ("organization_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE TABLE "curriculum_module_resources" (
      "curriculum_id" uuid NOT NULL,
      "module_index" integer NOT NULL,
      "resource_id" uuid NOT NULL,
      "position" integer NOT NULL,
      CONSTRAINT "curriculum_module_resources_pkey" PRIMARY KEY ("curriculum_id", "module_index", "resource_id"),
      CONSTRAINT "curriculum_module_resources_module_index_check" CHECK ("module_index" >= 0),
      CONSTRAINT "curriculum_module_resources_curriculum_id_fkey" FOREIGN KEY ("curriculum_id") REFERENCES "curricula"("id") ON DELETE CASCADE,
      CONSTRAINT "curriculum_module_resources_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "curriculum_module_resources_position_key" ON "curriculum_module_resources" ("curriculum_id", "module_index", "position")`,
    );
    await queryRunner.query(
      `CREATE INDEX "curriculum_module_resources_resource_id_idx" ON "curriculum_module_resources" ("resource_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "curriculum_module_resources"`);
    await queryRunner.query(`DROP TABLE "resources"`);
  }
}
