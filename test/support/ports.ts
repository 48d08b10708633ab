import { createSocket } from 'node:dgram';
import { type AddressInfo, createServer, type Server } from 'node:net';

/** Starts `server` on a port of 127.0.0.1 the system picks; answers its http:// URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

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

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4')
      .once('error', () => resolve(false))
      .bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A free TCP port for LiveKit's HTTP whose UDP port two above is free for its media. */
export async function freeLivekitPort(): Promise<number> {
  for (;;) {
    const http = await freePort();
    if (http <= 65_000 && (await udpFree(http + 2))) return http;
  }
}
