import { createServer } from 'node:net';

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Three free ports in a row: LiveKit takes its HTTP port and the next two for media. */
export async function freePortRun(): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first > 65_000) continue;
    if ((await isFree(first + 1)) && (await isFree(first + 2))) return first;
  }
}
