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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What ended the person's time in the room, as they should hear it. */
export type RoomEnding = 'left' | 'removed' | 'ended' | 'elsewhere' | 'lost';

/** Whether the person enters with their microphone and camera on. */
export type MediaChoices = { audio: boolean; video: boolean };

const ENDINGS: Partial<Record<DisconnectReason, RoomEnding>> = {
  [DisconnectReason.PARTICIPANT_REMOVED]: 'removed',
  [DisconnectReason.ROOM_DELETED]: 'ended',
  [DisconnectReason.ROOM_CLOSED]: 'ended',
  [DisconnectReason.DUPLICATE_IDENTITY]: 'elsewhere',
  [DisconnectReason.CLIENT_INITIATED]: 'left',
};

/**
 * A toggle that tells the person when someone else turned their device off: the facilitator's
 * mute arrives as the track going from on to off without a press here.
 */
function Toggle({
  source,
  label,
  onMutedByFacilitator,
  onTurnedOn,
}: {
  source: Track.Source.Microphone | Track.Source.Camera;
  label: string;
  onMutedByFacilitator(source: Track.Source): void;
  /** The device is on again: a notice about the facilitator turning it off is old news. */
  onTurnedOn(source: Track.Source): void;
}) {
  const wasOn = useRef(false);
  return (
    <TrackToggle
      source={source}
      onChange={(on, pressed) => {
        if (wasOn.current && !on && !pressed) onMutedByFacilitator(source);
        if (on) onTurnedOn(source);
        wasOn.current = on;
      }}
    >
      {label}
    </TrackToggle>
  );
}

function Stage() {
  const { t } = useTranslation();
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], {
    onlySubscribed: false,
  });
  const state = useConnectionState();
  const [mutedBy, setMutedBy] = useState<Track.Source>();
  const turnedOn = (source: Track.Source) =>
    setMutedBy((muted) => (muted === source ? undefined : muted));
  return (
    <>
      {state === ConnectionState.Reconnecting && (
        <p role="status" className="notice">
          {t('reconnecting')}
        </p>
      )}
      <p role="status" className={mutedBy ? 'notice' : undefined}>
        {mutedBy === Track.Source.Microphone && t('mutedByFacilitator')}
        {mutedBy === Track.Source.Camera && t('cameraOffByFacilitator')}
      </p>
      <GridLayout tracks={tracks} className="stage">
        <ParticipantTile />
      </GridLayout>
      <div className="controls" role="toolbar" aria-label={t('roomControls')}>
        <Toggle
          source={Track.Source.Microphone}
          label={t('microphone')}
          onMutedByFacilitator={setMutedBy}
          onTurnedOn={turnedOn}
        />
        <Toggle
          source={Track.Source.Camera}
          label={t('camera')}
          onMutedByFacilitator={setMutedBy}
          onTurnedOn={turnedOn}
        />
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
  media: MediaChoices;
  onEnd(ending: RoomEnding): void;
}) {
  return (
    <LiveKitRoom
      serverUrl={props.serverUrl}
      token={props.token}
      connect
      audio={props.media.audio}
      video={props.media.video}
      data-lk-theme="default"
      className="room"
      onDisconnected={(reason) =>
        props.onEnd(ENDINGS[reason ?? DisconnectReason.UNKNOWN_REASON] ?? 'lost')
      }
    >
      <Stage />
    </LiveKitRoom>
  );
}
