import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A fixed statement on the request path, sent as a named prepared statement: PostgreSQL parses
 * and plans it once per pooled connection instead of on every request, and it goes to the pool
 * TypeORM opened without TypeORM's query runner around it. Only for single reads outside a
 * transaction (the pool hands out any connection); everything else goes through repositories'
 * usual TypeORM calls and `Transactions`.
 */
export class PreparedStatement<R extends QueryResultRow> {
  private name?: string;
  private sql?: string;

  /** `text` is called once, on first use, when TypeORM's metadata is ready. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly text: () => string,
  ) {}

  async rows(values: unknown[]): Promise<R[]> {
    if (!this.sql) {
      this.sql = this.text();
      this.name = `hearth_${createHash('sha256').update(this.sql).digest('hex').slice(0, 24)}`;
    }
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query<R>({ name: this.name, text: this.sql, values })).rows;
  }

  async first(values: unknown[]): Promise<R | undefined> {
    return (await this.rows(values))[0];
  }
}
