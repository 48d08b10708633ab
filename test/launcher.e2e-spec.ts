import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient } from './support/http.js';
import { freeLivekitPort, freePort } from './support/ports.js';
import { launch, stop } from './support/processes.js';

async function waitFor(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return Date.now() - started;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function waitForOutput(output: () => string, text: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" not printed; output:\n${output()}`);
    await sleep(100);
  }
}

describe('npm start with nothing configured (e2e)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hearth-start-'));
    // Run as root, PostgreSQL is started as the postgres user, which must reach the folder.
    await chmod(dataDir, 0o755);
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on an embedded PostgreSQL within 60 s and keeps the data across restarts', async () => {
    const env = {
      HEARTH_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      // Used when a LiveKit server is installed here (npm run livekit:install).
      LIVEKIT_PORT: String(await freeLivekitPort()),
    };
    const base = `http://127.0.0.1:${env.PORT}/api/v1`;
    const http = new HttpClient(base);
    const credentials = { email: 'first.user@example.org', password: 'a long enough password' };

    const first = launch(env);
    let firstExit: number | null | undefined;
    try {
      await waitFor(`${base}/health`, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; launcher output:\n${first.output()}`);
      });
      await waitFor(`${base}/health/ready`, 10_000);
      await waitFor(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/api/v1/health/ready`, 10_000);
      await waitForOutput(first.output, `running at http://127.0.0.1:${env.PORT}`);
      const registered = await http.post('/auth/register', {
        ...credentials,
        displayName: 'First',
      });
      expect(registered.status).toBe(201);
    } finally {
      firstExit = await stop(first.child);
    }
    expect({ exitCode: firstExit, output: firstExit === 0 ? '' : first.output() }).toEqual({
      exitCode: 0,
      output: '',
    });
    // The embedded cluster was shut down cleanly, not left running or killed.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = launch(env);
    try {
      await waitFor(`${base}/health/ready`, 60_000);
      const login = await http.post('/auth/login', credentials);
      expect(login.status).toBe(200);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
    // Nothing was cut off under the api or the worker: PostgreSQL stopped last.
    expect(second.output()).not.toMatch(/terminating connection|Unhandled|ERROR|error:/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 150_000);
});
