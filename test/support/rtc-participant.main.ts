/**
 * One real LiveKit client (`@livekit/rtc-node`) in a process of its own, driven over IPC by
 * test/support/rtc-participant.ts: one Room per process, as the SDK is safest with, and a process
 * the test can kill to lose the connection the way a phone on a train does.
 *
 * It publishes a synthetic microphone and camera (frames keep flowing, or LiveKit never announces
 * the tracks), counts the bytes of the video it receives, and reports the room's events.
 */
import {
  AudioFrame,
  AudioSource,
  DisconnectReason,
  dispose,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackKind,
  type TrackPublication,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
  VideoStream,
} from '@livekit/rtc-node';

export type ParticipantCommand =
  | { type: 'connect'; url: string; token: string }
  | { type: 'publish'; kind: 'audio' | 'video'; id: number }
  | { type: 'disconnect' };

export type ParticipantReport =
  | { type: 'connected'; sid: string; identity: string }
  | { type: 'connect-failed'; message: string }
  | { type: 'published'; id: number; trackSid: string }
  | { type: 'publish-failed'; id: number; message: string }
  | { type: 'event'; name: string; detail: Record<string, unknown> }
  | { type: 'video-bytes'; bytes: number };

const send = (report: ParticipantReport) => process.send?.(report);
const room = new Room();
const timers: NodeJS.Timeout[] = [];
let receivedVideoBytes = 0;

function report(name: string, detail: Record<string, unknown> = {}) {
  send({ type: 'event', name, detail });
}

/** The track's source as LiveKit names it (`SOURCE_MICROPHONE`). */
const sourceName = (publication: TrackPublication) =>
  TrackSource[publication.source ?? TrackSource.SOURCE_UNKNOWN];

room
  .on(RoomEvent.Disconnected, (reason) =>
    report('disconnected', { reason: DisconnectReason[reason] ?? String(reason) }),
  )
  .on(RoomEvent.Reconnecting, () => report('reconnecting'))
  .on(RoomEvent.Reconnected, () => report('reconnected'))
  .on(RoomEvent.ParticipantConnected, (p) =>
    report('participantConnected', { identity: p.identity }),
  )
  .on(RoomEvent.ParticipantDisconnected, (p) =>
    report('participantDisconnected', { identity: p.identity }),
  )
  .on(RoomEvent.TrackMuted, (publication, participant) =>
    report('trackMuted', {
      identity: participant.identity,
      local: participant.identity === room.localParticipant?.identity,
      source: sourceName(publication),
    }),
  )
  .on(RoomEvent.TrackUnmuted, (publication, participant) =>
    report('trackUnmuted', {
      identity: participant.identity,
      source: sourceName(publication),
    }),
  )
  .on(RoomEvent.TrackPublished, (publication, participant) =>
    report('trackPublished', {
      identity: participant.identity,
      sid: publication.sid,
      source: sourceName(publication),
    }),
  )
  .on(RoomEvent.TrackUnpublished, (publication, participant) =>
    report('trackUnpublished', {
      identity: participant.identity,
      sid: publication.sid,
      source: sourceName(publication),
    }),
  )
  .on(RoomEvent.TrackUnsubscribed, (track, _publication, participant) =>
    report('trackUnsubscribed', { identity: participant.identity, kind: track.kind }),
  )
  .on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
    report('trackSubscribed', { identity: participant.identity, kind: track.kind });
    if (track.kind !== TrackKind.KIND_VIDEO) return;
    void (async () => {
      for await (const event of new VideoStream(track)) {
        receivedVideoBytes += event.frame.data.byteLength;
      }
    })().catch(() => undefined);
  });

async function publish(kind: 'audio' | 'video'): Promise<string> {
  const local = room.localParticipant!;
  if (kind === 'audio') {
    const source = new AudioSource(48_000, 1);
    const track = LocalAudioTrack.createAudioTrack('microphone', source);
    const options = new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE });
    const publication = await local.publishTrack(track, options);
    // 10 ms of a quiet tone every 10 ms.
    const samples = new Int16Array(480).map((_, i) => Math.round(800 * Math.sin(i / 8)));
    timers.push(
      setInterval(() => {
        void source.captureFrame(new AudioFrame(samples, 48_000, 1, 480)).catch(() => undefined);
      }, 10),
    );
    return publication.sid!;
  }
  const width = 160;
  const height = 120;
  const source = new VideoSource(width, height);
  const track = LocalVideoTrack.createVideoTrack('camera', source);
  const options = new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false });
  const publication = await local.publishTrack(track, options);
  let frame = 0;
  timers.push(
    setInterval(() => {
      const data = new Uint8Array(width * height * 4).fill(frame++ % 255);
      source.captureFrame(new VideoFrame(data, width, height, VideoBufferType.RGBA));
    }, 66),
  );
  return publication.sid!;
}

process.on('message', (command: ParticipantCommand) => {
  void (async () => {
    if (command.type === 'connect') {
      try {
        await room.connect(command.url, command.token, { autoSubscribe: true, dynacast: false });
        const local = room.localParticipant!;
        send({ type: 'connected', sid: local.sid!, identity: local.identity });
        timers.push(
          setInterval(() => send({ type: 'video-bytes', bytes: receivedVideoBytes }), 250),
        );
      } catch (error) {
        send({
          type: 'connect-failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    } else if (command.type === 'publish') {
      try {
        send({ type: 'published', id: command.id, trackSid: await publish(command.kind) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        send({ type: 'publish-failed', id: command.id, message });
      }
    } else if (command.type === 'disconnect') {
      for (const timer of timers) clearInterval(timer);
      await room.disconnect();
      await dispose();
      process.exit(0);
    }
  })();
});
process.on('disconnect', () => process.exit(0));
