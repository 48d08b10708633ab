import '@livekit/components-styles';
import './room.css';
import {
  Chevron,
  DisconnectButton,
  LiveKitRoom,
  ParticipantTile,
  RoomAudioRenderer,
  StartAudio,
  TrackLoop,
  TrackToggle,
  useConnectionState,
  useGridLayout,
  usePagination,
  useSwipe,
  useTracks,
} from '@livekit/components-react';
import type { TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { ConnectionState, DisconnectReason, Track } from 'livekit-client';
import { type ReactNode, type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChatSettings, RoomChat } from './RoomChat';

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

/**
 * LiveKit's grid of tiles, with page buttons a screen reader can name (LiveKit's own GridLayout
 * leaves them unnamed, and its count in English): more people than fit turn into pages.
 */
function Grid({ tracks }: { tracks: TrackReferenceOrPlaceholder[] }) {
  const { t } = useTranslation('room');
  const grid = useRef<HTMLDivElement>(null);
  const { layout } = useGridLayout(grid as RefObject<HTMLDivElement>, tracks.length);
  const pages = usePagination(layout.maxTiles, tracks);
  useSwipe(grid as RefObject<HTMLElement>, {
    onLeftSwipe: pages.nextPage,
    onRightSwipe: pages.prevPage,
  });
  return (
    <div ref={grid} className="lk-grid-layout stage" data-lk-pagination={pages.totalPageCount > 1}>
      <TrackLoop tracks={pages.tracks}>
        <ParticipantTile />
      </TrackLoop>
      {pages.totalPageCount > 1 && (
        <div className="lk-pagination-control" data-lk-user-interaction="true">
          <button
            type="button"
            className="lk-button"
            aria-label={t('previousPage')}
            onClick={pages.prevPage}
          >
            <Chevron aria-hidden="true" />
          </button>
          <span className="lk-pagination-count">
            {t('pageOf', { page: pages.currentPage, count: pages.totalPageCount })}
          </span>
          <button
            type="button"
            className="lk-button"
            aria-label={t('nextPage')}
            onClick={pages.nextPage}
          >
            <Chevron aria-hidden="true" />
          </button>
        </div>
      )}
    </div>
  );
}

function Stage({ chatToggle }: { chatToggle?: ReactNode }) {
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
      <Grid tracks={tracks} />
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
        {chatToggle}
        <DisconnectButton stopTracks>{t('leaveRoom', { ns: 'room' })}</DisconnectButton>
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
  /** The session room's chat; rooms without one (side rooms) leave it out. */
  chat?: ChatSettings;
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
      {props.chat ? (
        <RoomChat settings={props.chat}>{(toggle) => <Stage chatToggle={toggle} />}</RoomChat>
      ) : (
        <Stage />
      )}
    </LiveKitRoom>
  );
}
