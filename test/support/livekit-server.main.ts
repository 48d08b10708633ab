/**
 * The one LiveKit server of a test run, started by the global set-up as its own process: the
 * pinned build (or LIVEKIT_BIN) on free ports of 127.0.0.1, and beside it a webhook router.
 *
 * The server posts every webhook to one URL, while each test file runs its own api. So the
 * router keeps, per room, the webhook URL of the deployment that created it (each deployment's
 * LiveKitGateway registers a room before it creates it) and hands each webhook on untouched: the
 * raw bytes and the server's own signature, in the order the server sent them. The router
 * answers with the deployment's status, so the server's retries work as they would in production.
 *
 * It prints one JSON line (urls and key pair) and runs until its stdin closes.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { findLivekitBinary, HOW_TO_GET_VIDEO, startLivekit } from '../../tools/livekit.js';
import { freeLivekitPort, listenOnLoopback } from './ports.js';
import { relayWebhook } from './webhooks.js';

export interface TestLivekitServer {
  /** The server's HTTP URL (RoomService) and the WebSocket URL clients connect to. */
  url: string;
  wsUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Where gateways register rooms: POST {room, webhookUrl}. */
  routerUrl: string;
}

async function main(): Promise<void> {
  const binary = findLivekitBinary();
  if (!binary) throw new Error(HOW_TO_GET_VIDEO);
  const routes = new Map<string, string>();
  const router = createServer((request, response) => {
    void (async () => {
      const body = await buffer(request);
      if (request.url === '/routes') {
        const { room, webhookUrl } = JSON.parse(body.toString('utf8')) as Record<string, string>;
        routes.set(room, webhookUrl);
        response.writeHead(204).end();
        return;
      }
      let room: string | undefined;
      try {
        room = (JSON.parse(body.toString('utf8')) as { room?: { name?: string } }).room?.name;
      } catch {
        room = undefined;
      }
      const target = room ? routes.get(room) : undefined;
      // A room no deployment made (or one whose test has finished): nobody to tell.
      if (!target) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const answer = await relayWebhook(target, request.headers, body);
      // A deployment that has closed cannot take its room's last events; that is not an error.
      response.writeHead(answer?.status ?? 200, { 'content-type': 'application/json' });
      response.end(answer ? Buffer.from(await answer.arrayBuffer()) : '{}');
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  const routerUrl = await listenOnLoopback(router);

  const dataDir = await mkdtemp(join(tmpdir(), 'hearth-test-livekit-'));
  const http = await freeLivekitPort();
  const livekit = await startLivekit({
    binary,
    dataDir,
    ports: { http, rtcUdp: http + 2 },
    webhookUrl: `${routerUrl}/webhook`,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await livekit.stop();
    router.close();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  // Ctrl-C reaches the whole process group: stop the server (at most 5 s) and remove its keys.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.on(signal, () => void stop());
  const description: TestLivekitServer = {
    url: livekit.url,
    wsUrl: livekit.wsUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    routerUrl: `${routerUrl}/routes`,
  };
  process.stdout.write(`${JSON.stringify(description)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
