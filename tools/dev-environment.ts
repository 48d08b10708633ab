import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { projectRoot } from '#common';
import { EmbeddedDatabase } from '#database';

/** Where `npm start` keeps the embedded database, its secrets and the mail outbox. */
export const dataDir = resolve(process.env.HEARTH_DATA_DIR ?? join(projectRoot(), '.data'));

/** The embedded cluster `npm start` runs when no DATABASE_URL is given. */
export function embeddedDatabase(): EmbeddedDatabase {
  return new EmbeddedDatabase({
    dataDir: join(dataDir, 'postgres'),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    database: 'hearth',
  });
}

/** A JWT secret made once and kept in the data folder, so sessions survive restarts. */
export async function devSecret(): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { jwt: string }).jwt;
  const jwt = randomBytes(48).toString('base64url');
  await writeFile(file, JSON.stringify({ jwt }), { mode: 0o600 });
  return jwt;
}
