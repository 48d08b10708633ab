import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Runs a compiled app as a real process and answers how it ended. */
function run(script: string, env: Record<string, string>, timeoutMs = 30_000) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script)], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not stop within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  JWT_SECRET: 'x'.repeat(40),
  PORT: '0',
  WORKER_HEALTH_PORT: '0',
};

describe('Start-up configuration (e2e)', () => {
  it.each(['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'])(
    '%s stops on a malformed DATABASE_URL, naming it',
    async (script) => {
      const { code, stderr } = await run(script, { ...valid, DATABASE_URL: 'mysql://db/hearth' });
      expect(code).toBe(78);
      expect(stderr).toContain('DATABASE_URL must be a postgres:// connection string');
    },
  );

  it('stops the api on a DATABASE_URL nothing answers at, naming it without its password', async () => {
    const { code, stderr } = await run('dist/apps/api/src/main.js', {
      ...valid,
      DATABASE_URL: 'postgres://hearth:s3cret@127.0.0.1:1/hearth',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL: cannot connect to 127.0.0.1:1/hearth');
    expect(stderr).not.toContain('s3cret');
  });

  it('names every missing or wrong variable at once', async () => {
    const { code, stderr } = await run('dist/apps/api/src/main.js', {
      PORT: 'eighty',
      REDIS_URL: 'http://cache',
    });
    expect(code).toBe(78);
    for (const name of ['DATABASE_URL', 'JWT_SECRET', 'PORT', 'REDIS_URL'])
      expect(stderr).toContain(name);
  });
});
