import '@livekit/components-styles';
import '../room/room.css';
import {
  DisconnectButton,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  StartAudio,
  TrackToggle,
  useConnectionState,
  useLocalParticipantPermissions,
  useTracks,
} from '@livekit/components-react';
import { ConnectionState, Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';

type Role = 'host' | 'speaker' | 'attendee';

function Stage({ role }: { role: Role }) {
  const { t } = useTranslation('webinars');
  const state = useConnectionState();
  // Attendees publish nothing until a host promotes them; the permission changes live.
  const canPublish = useLocalParticipantPermissions()?.canPublish ?? false;
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  }).filter((track) => !track.participant.isLocal || canPublish);
  const cameras = tracks.filter((track) => track.publication?.track);
  return (
    <>
      {state === ConnectionState.Reconnecting && (
        <p role="status" className="notice">
          {t('reconnecting', { ns: 'translation' })}
        </p>
      )}
      {state === ConnectionState.Connected && (
        <p role="status" className="room-status">
          {cameras.length ? t('watching') : t('connectedNoCamera')}
        </p>
      )}
      {role === 'attendee' && canPublish && (
        <p role="status" className="notice">
          {t('youMaySpeak')}
        </p>
      )}
      <section aria-label={t('stage')} className="webinar-stage">
        {tracks.length > 0 && (
          <GridLayout tracks={tracks} className="stage">
            <ParticipantTile />
          </GridLayout>
        )}
      </section>
      <div
        className="controls"
        role="toolbar"
        aria-label={t('roomControls', { ns: 'translation' })}
      >
        {canPublish && (
          <>
            <TrackToggle source={Track.Source.Microphone} initialState={false}>
              {t('microphone', { ns: 'translation' })}
            </TrackToggle>
            <TrackToggle source={Track.Source.Camera} initialState={false}>
              {t('camera', { ns: 'translation' })}
            </TrackToggle>
          </>
        )}
        <DisconnectButton stopTracks>{t('leave', { ns: 'translation' })}</DisconnectButton>
      </div>
      <RoomAudioRenderer />
      <StartAudio label={t('allowAudio', { ns: 'translation' })} />
    </>
  );
}

/**
 * The webinar's room on LiveKit's components (a file apart from the sessions' Room, which
 * publishes at once): everyone watches; hosts, speakers and promoted attendees may turn on their
 * microphone and camera. `onFailed(notOpen)` when it cannot connect.
 */
export default function WebinarStage(props: {
  serverUrl: string;
  token: string;
  role: Role;
  onFailed(notOpen: boolean): void;
  onEnd(): void;
}) {
  return (
    <LiveKitRoom
      serverUrl={props.serverUrl}
      token={props.token}
      connect
      audio={false}
      video={false}
      data-lk-theme="default"
      className="room webinar-room"
      onError={(error) => props.onFailed(/room does not exist/i.test(error.message))}
      onDisconnected={() => props.onEnd()}
    >
      <Stage role={props.role} />
    </LiveKitRoom>
  );
}
