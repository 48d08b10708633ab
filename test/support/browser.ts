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

/**
 * Frames decoded so far by the videos in the room's remote tiles (LiveKit's ParticipantTile marks
 * the local one): a number that keeps growing only while someone's camera really reaches the page.
 */
export function remoteVideoFrames(page: Page): Promise<number> {
  return page.evaluate(`[...document.querySelectorAll(
      '.lk-participant-tile:not([data-lk-local-participant="true"]) video')]
    .reduce((frames, video) => frames + video.getVideoPlaybackQuality().totalVideoFrames, 0)`);
}
