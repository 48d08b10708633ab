import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ParticipantCommand, ParticipantReport } from './rtc-participant.main.js';
import { eventually } from './wait.js';

const script = join(
  import.meta.dirname,
  '..',
  '..',
  'dist',
  'test',
  'support',
  'rtc-participant.main.js',
);

type ConnectReply = Extract<ParticipantReport, { type: 'connected' | 'connect-failed' }>;
type PublishReply = Extract<ParticipantReport, { type: 'published' | 'publish-failed' }>;

/**
 * A real LiveKit client in its own process (see rtc-participant.main.ts): it connects with a
 * token Hearth minted, publishes a synthetic microphone or camera, and reports what the room
 * does to it. `kill()` loses the connection without a goodbye; `leave()` says goodbye.
 */
export class RtcParticipant {
  readonly events: { name: string; detail: Record<string, unknown> }[] = [];
  sid = '';
  receivedVideoBytes = 0;
  private nextId = 0;
  private readonly replies = new Map<number, PublishReply>();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (report: ParticipantReport) => {
      if (report.type === 'event') this.events.push({ name: report.name, detail: report.detail });
      else if (report.type === 'video-bytes') this.receivedVideoBytes = report.bytes;
      else if (report.type === 'published' || report.type === 'publish-failed')
        this.replies.set(report.id, report);
    });
  }

  /** Connects to `url` with `token`; rejects with the server's refusal when it refuses. */
  static async join(url: string, token: string): Promise<RtcParticipant> {
    const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const participant = new RtcParticipant(child);
    const outcome = await new Promise<ConnectReply>((resolve, reject) => {
      child.on('message', (report: ParticipantReport) => {
        if (report.type === 'connected' || report.type === 'connect-failed') resolve(report);
      });
      child.once('exit', (code) =>
        reject(new Error(`the client exited (${code}) before connecting`)),
      );
      child.send({ type: 'connect', url, token } satisfies ParticipantCommand);
      setTimeout(() => reject(new Error('the client did not connect within 30 s')), 30_000).unref();
    }).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    if (outcome.type === 'connect-failed') {
      child.kill('SIGKILL');
      throw new Error(`LiveKit refused the connection: ${outcome.message}`);
    }
    participant.sid = outcome.sid;
    return participant;
  }

  /** Publishes a track; answers its sid, or rejects with the server's refusal. */
  async publish(kind: 'audio' | 'video'): Promise<string> {
    const id = this.nextId++;
    this.child.send({ type: 'publish', kind, id } satisfies ParticipantCommand);
    const reply = await eventually(() => this.replies.get(id), 20_000);
    if (reply.type === 'publish-failed') throw new Error(reply.message);
    return reply.trackSid;
  }

  /**
   * Waits for a room event reported by this client (one whose detail has the fields of `match`,
   * when given), and answers its detail.
   */
  async waitFor(
    name: string,
    timeoutMs = 20_000,
    match: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const event = await eventually(
      () => this.events.find((e) => this.matches(e, name, match)),
      timeoutMs,
    );
    return event.detail;
  }

  /** The room events of that name (and with the fields of `match`) this client reported so far. */
  seen(name: string, match: Record<string, unknown> = {}): Record<string, unknown>[] {
    return this.events.filter((e) => this.matches(e, name, match)).map((e) => e.detail);
  }

  private matches(
    event: { name: string; detail: Record<string, unknown> },
    name: string,
    match: Record<string, unknown>,
  ): boolean {
    return (
      event.name === name &&
      Object.entries(match).every(([key, value]) => event.detail[key] === value)
    );
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Leaves the room politely and ends the process. */
  async leave(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'disconnect' } satisfies ParticipantCommand);
    const force = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  }

  /** Vanishes without a word, as a dropped connection does. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}
