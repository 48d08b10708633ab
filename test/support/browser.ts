import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where browser tests keep their screenshots (a CI artifact, not committed). */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** Chromium's own fake camera and microphone, granted without a prompt, and WebRTC on loopback. */
const FAKE_MEDIA = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

/**
 * Debian's Chromium, headless, with no network of its own beyond what the page asks for.
 * `fakeMedia` gives it a camera and microphone and lets it reach a LiveKit server on 127.0.0.1.
 */
export function launchChromium(options: { fakeMedia?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...(options.fakeMedia ? FAKE_MEDIA : []),
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Resolves once the join page is in the room (its state says livekit-client has connected). */
export function joinPageConnected(page: Page, timeoutMs: number): Promise<unknown> {
  return page.waitForFunction(
    () =>
      (globalThis as unknown as { hearthJoin?: { connected?: boolean } }).hearthJoin?.connected ===
      true,
    null,
    { timeout: timeoutMs },
  );
}

type Receiver = {
  getRTCStatsReport(): Promise<Map<string, { type: string; bytesReceived?: number }> | undefined>;
};
type JoinPageRoom = {
  remoteParticipants: Map<
    string,
    { trackPublications: Map<string, { kind: string; track?: Receiver }> }
  >;
};

/** The remote video a join page receives: bytes so far, from its receivers' own statistics. */
export function inboundVideoBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const room = (globalThis as unknown as { hearthJoin: { room: JoinPageRoom } }).hearthJoin.room;
    let bytes = 0;
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        if (publication.kind !== 'video' || !publication.track) continue;
        const report = await publication.track.getRTCStatsReport();
        for (const stat of report?.values() ?? []) {
          if (stat.type === 'inbound-rtp') bytes += stat.bytesReceived ?? 0;
        }
      }
    }
    return bytes;
  });
}
