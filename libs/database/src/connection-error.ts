const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist',
};

/**
 * Says, without credentials, why the database in DATABASE_URL could not be reached at start-up,
 * or answers null when the error is something else.
 */
export function explainDatabaseError(error: unknown, databaseUrl: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in CONNECTION_CODES)) return null;
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  return `DATABASE_URL: cannot connect to ${where}: ${CONNECTION_CODES[code]} (${code})`;
}
