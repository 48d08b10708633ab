import '@livekit/components-styles';
import './room.css';
import {
  DisconnectButton,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  StartAudio,
  TrackToggle,
  useConnectionState,
  useTracks,
} from '@livekit/components-react';
import { ConnectionState, DisconnectReason, Track } from 'livekit-client';
import { useTranslation } from 'react-i18next';

/** What ended the person's time in the room, as they should hear it. */
export type RoomEnding = 'left' | 'removed' | 'ended' | 'lost';

function endingOf(reason?: DisconnectReason): RoomEnding {
  if (reason === DisconnectReason.PARTICIPANT_REMOVED) return 'removed';
  if (reason === DisconnectReason.ROOM_DELETED) return 'ended';
  if (reason === DisconnectReason.CLIENT_INITIATED) return 'left';
  return 'lost';
}

function Stage() {
  const { t } = useTranslation();
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  });
  const state = useConnectionState();
  return (
    <>
      {state === ConnectionState.Reconnecting && (
        <p role="status" className="notice">
          {t('reconnecting')}
        </p>
      )}
      <GridLayout tracks={tracks} className="stage">
        <ParticipantTile />
      </GridLayout>
      <div className="controls" role="toolbar" aria-label={t('roomControls')}>
        <TrackToggle source={Track.Source.Microphone}>{t('microphone')}</TrackToggle>
        <TrackToggle source={Track.Source.Camera}>{t('camera')}</TrackToggle>
        <DisconnectButton stopTracks>{t('leave')}</DisconnectButton>
      </div>
      <RoomAudioRenderer />
      <StartAudio label={t('allowAudio')} />
    </>
  );
}

/** The session's video room (LiveKit's own components), loaded only when someone joins. */
export default function Room(props: {
  serverUrl: string;
  token: string;
  onEnd(ending: RoomEnding): void;
}) {
  return (
    <LiveKitRoom
      serverUrl={props.serverUrl}
      token={props.token}
      connect
      audio
      video
      data-lk-theme="default"
      className="room"
      onDisconnected={(reason) => props.onEnd(endingOf(reason))}
    >
      <Stage />
    </LiveKitRoom>
  );
}
