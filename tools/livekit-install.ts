/**
 * `npm run livekit:install`: builds the pinned LiveKit server from its Go module into .livekit/
 * (no cgo). Go keeps its module and build caches, so a rebuild is quick and a second run, with
 * the binary in place, does nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIVEKIT_VERSION, livekitDir, pinnedBinary } from './livekit.js';

const say = (line: string) => process.stdout.write(`hearth: ${line}\n`);
const MODULE = 'github.com/livekit/livekit-server/cmd/server';
/** LiveKit 1.12 and later need Go 1.26. */
const GO_MINOR = 26;

/** `go` on PATH, else where Go's own installer puts it (a shell's profile may not have run). */
const GO = spawnSync('go', ['version']).status === 0 ? 'go' : '/usr/local/go/bin/go';

function goVersion(): number | undefined {
  const go = spawnSync(GO, ['env', 'GOVERSION'], { encoding: 'utf8' });
  const minor = /^go1\.(\d+)/.exec(go.stdout?.trim() ?? '')?.[1];
  return go.status === 0 && minor ? Number(minor) : undefined;
}

async function main(): Promise<number> {
  if (existsSync(pinnedBinary)) {
    say(`LiveKit ${LIVEKIT_VERSION} is installed: ${pinnedBinary}`);
    return 0;
  }
  const minor = goVersion();
  if (minor === undefined || minor < GO_MINOR) {
    say(
      `building LiveKit needs Go 1.${GO_MINOR} or later (${minor === undefined ? 'no go on PATH' : `found go1.${minor}`}). ` +
        'Without it: run everything with `docker compose up`, or put a livekit-server binary ' +
        `(${LIVEKIT_VERSION}) on PATH or name it in LIVEKIT_BIN; npm start then runs it.`,
    );
    return 1;
  }
  await mkdir(livekitDir, { recursive: true });
  const staging = await mkdtemp(join(livekitDir, 'build-'));
  say(`building LiveKit ${LIVEKIT_VERSION} from its Go module (a few minutes the first time)`);
  const build = spawnSync(GO, ['install', `${MODULE}@${LIVEKIT_VERSION}`], {
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: staging },
    stdio: 'inherit',
  });
  try {
    if (build.status !== 0) {
      say(`go install failed (exit ${build.status ?? build.signal}); see its output above`);
      return 1;
    }
    // The module's command is called `server`; named by its version, a pin change rebuilds.
    await rename(join(staging, 'server'), pinnedBinary);
    say(`LiveKit ${LIVEKIT_VERSION} is installed: ${pinnedBinary}`);
    return 0;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

process.exitCode = await main();
