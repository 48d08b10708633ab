import { usePreviewTracks } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The person's own camera before joining, so they see what others will see. */
export default function CameraPreview() {
  const { t } = useTranslation();
  const tracks = usePreviewTracks({ audio: false, video: true });
  const video = useRef<HTMLVideoElement>(null);
  const camera = tracks?.find((track) => track.kind === Track.Kind.Video);
  useEffect(() => {
    if (!camera || !video.current) return;
    camera.attach(video.current);
    return () => void camera.detach();
  }, [camera]);
  return (
    <video ref={video} className="preview" aria-label={t('cameraPreview')} muted playsInline />
  );
}
