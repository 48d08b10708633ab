/**
 * A local LiveKit server for `npm start` (and the tests): the pinned release built from its Go
 * module by `npm run livekit:install`, or a binary the user has (LIVEKIT_BIN, or on PATH),
 * listening on 127.0.0.1 only, with a key pair of its own and webhooks to the api.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '#common';

/** The release Hearth is tested with; docker-compose.yml pins the same image tag. */
export const LIVEKIT_VERSION = 'v1.13.5';

/** Where `npm run livekit:install` puts the server (ignored by git). */
export const livekitDir = join(projectRoot(), '.livekit');
export const pinnedBinary = join(livekitDir, `livekit-server-${LIVEKIT_VERSION}`);

/** The server to run: LIVEKIT_BIN, the pinned build, or `livekit-server` on PATH. */
export function findLivekitBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.LIVEKIT_BIN) return existsSync(env.LIVEKIT_BIN) ? env.LIVEKIT_BIN : undefined;
  if (existsSync(pinnedBinary)) return pinnedBinary;
  const which = spawnSync('which', ['livekit-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

export const HOW_TO_GET_VIDEO =
  'no LiveKit server found, so joining a session answers 503. For video: `npm run livekit:install` ' +
  '(needs Go 1.26), or put a livekit-server binary on PATH or in LIVEKIT_BIN, or use docker compose';

export interface LivekitPorts {
  /** HTTP, WebSocket signalling and the server API. */
  http: number;
  /** The single UDP port for media (LiveKit's own default is two above its HTTP port). */
  rtcUdp: number;
}

export interface RunningLivekit {
  /** HTTP (the server API) and the WebSocket URL clients connect to, on the same port. */
  url: string;
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
  stop(): Promise<void>;
}

/** A key pair made once and kept in `dataDir`, so tokens and webhooks survive restarts. */
async function keyPair(dataDir: string): Promise<{ apiKey: string; apiSecret: string }> {
  const file = join(dataDir, 'livekit-keys.json');
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as { apiKey: string; apiSecret: string };
  }
  const pair = {
    apiKey: `hearth-${randomBytes(6).toString('hex')}`,
    apiSecret: randomBytes(32).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(pair), { mode: 0o600 });
  return pair;
}

/**
 * The server's configuration for loopback only. LiveKit reads YAML, of which JSON is a part; its
 * parser refuses unknown keys, so only documented ones are here.
 */
export function loopbackConfig(options: {
  ports: LivekitPorts;
  apiKey: string;
  apiSecret: string;
  webhookUrl: string;
}): string {
  const { ports, apiKey, apiSecret, webhookUrl } = options;
  return JSON.stringify(
    {
      port: ports.http,
      bind_addresses: ['127.0.0.1'],
      // No ICE over TCP: LiveKit binds its TCP port (7881 unless set to 0) on every address of
      // the machine, whatever bind_addresses says. The UDP port is opened on every address too
      // (restricting it with rtc.interfaces or rtc.ips stops loopback media, as tried with
      // v1.13.5), but it answers only the ICE of sessions signalled over the HTTP port, which
      // listens on 127.0.0.1 alone.
      rtc: {
        udp_port: ports.rtcUdp,
        tcp_port: 0,
        node_ip: '127.0.0.1',
        use_external_ip: false,
        enable_loopback_candidate: true,
        // Nothing outside this machine is asked for an address.
        stun_servers: [`127.0.0.1:${ports.rtcUdp}`],
      },
      keys: { [apiKey]: apiSecret },
      webhook: { api_key: apiKey, urls: [webhookUrl] },
      // Only rooms that Hearth created can be joined.
      room: { auto_create: false, empty_timeout: 300, departure_timeout: 20 },
      logging: { level: 'warn' },
    },
    null,
    2,
  );
}

/** Starts `binary` on 127.0.0.1 and waits until it answers; `stop()` ends it. */
export async function startLivekit(options: {
  binary: string;
  dataDir: string;
  ports: LivekitPorts;
  webhookUrl: string;
  log?: (line: string) => void;
}): Promise<RunningLivekit> {
  await mkdir(options.dataDir, { recursive: true });
  const { apiKey, apiSecret } = await keyPair(options.dataDir);
  const configFile = join(options.dataDir, 'livekit.yaml');
  await writeFile(
    configFile,
    loopbackConfig({ ports: options.ports, apiKey, apiSecret, webhookUrl: options.webhookUrl }),
    { mode: 0o600 },
  );
  const child: ChildProcess = spawn(options.binary, ['--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // It reports some start-up failures (a port in use) on stdout, and then exits 0.
  let errors = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString('utf8')).slice(-4_000);
    });
  }
  const url = `http://127.0.0.1:${options.ports.http}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the LiveKit server exited (${child.exitCode}): ${errors.trim()}`);
    }
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the LiveKit server did not answer at ${url} within 30 s`);
    }
    await sleep(200);
  }
  return {
    url,
    wsUrl: `ws://127.0.0.1:${options.ports.http}`,
    apiKey,
    apiSecret,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        // It drains rooms on SIGTERM; nobody is left in them once the api has stopped.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
