// The join page: sign in, check camera and microphone, wait in the lobby if there is one, then
// the room. Tokens live in sessionStorage (this tab only), never in the URL.
import {
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  TrackEvent,
  createLocalTracks,
} from '/vendor/livekit/livekit-client.esm.mjs';
import { apiPath, INVALID_LINK, isUuid } from '/url-ids.js';

const app = document.getElementById('app');
const $ = (id) => document.getElementById(id);
const sessionId = new URLSearchParams(location.hash.slice(1)).get('session');
const POLL_MS = 3000;

/** Everything the page knows; the screen shown is `app.dataset.screen`. */
const state = {
  token: sessionStorage.getItem('hearth.accessToken'),
  room: null,
  tracks: [],
  devicesLost: new Set(),
};
window.hearthJoin = state; // for tests and support: the page's state, no secrets beyond this tab

function show(screen, status = '') {
  app.dataset.screen = screen;
  state.screen = screen;
  $('status').textContent = status;
  const heading = app.querySelector(`[data-for="${screen}"] h1`);
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

// What the person reads when the room is over for them. Kind and plain: no names, no blame.
const ENDINGS = {
  removed: {
    title: 'You were removed from this session',
    text: "The facilitator has taken you out of this session, and you can't rejoin it. If you weren't expecting this, please contact your facilitator or the service that invited you. Take care.",
  },
  ended: {
    title: 'The session has ended',
    text: 'It has ended for everyone, so there is nothing more you need to do. Thank you for being here, and take care.',
  },
  elsewhere: {
    title: 'You joined from somewhere else',
    text: 'This session opened in another tab or on another device, so it closed here. You can carry on there, or join here again.',
    retry: 'Join here again',
  },
  lost: {
    title: 'You were disconnected',
    text: 'Your connection to the session was lost. Check your internet connection, then try again.',
    retry: 'Try again',
  },
};

/** What each way of leaving the room means for the person (livekit-client's DisconnectReason). */
const ENDING_FOR_REASON = {
  [DisconnectReason.PARTICIPANT_REMOVED]: 'removed',
  [DisconnectReason.ROOM_DELETED]: 'ended',
  [DisconnectReason.ROOM_CLOSED]: 'ended',
  [DisconnectReason.DUPLICATE_IDENTITY]: 'elsewhere',
};

// The facilitator's mute arrives as a mute of the local track that this page did not ask for.
const MUTED_BY_FACILITATOR = {
  [Track.Source.Microphone]:
    'The facilitator muted your microphone. You can unmute whenever you want to speak.',
  [Track.Source.Camera]:
    'The facilitator turned off your camera. You can turn it back on when you are ready.',
};

function message(text, retry, title = 'Hearth', retryLabel = 'Try again') {
  $('message-title').textContent = title;
  $('message').textContent = text;
  $('retry').textContent = retryLabel;
  $('retry').hidden = !retry;
  $('retry').onclick = retry ?? null;
  show('message');
}

async function api(method, path, body) {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(state.token ? { authorization: `Bearer ${state.token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/auth/login') {
    sessionStorage.removeItem('hearth.accessToken');
    state.token = null;
    show('signin', 'Please sign in again.');
    throw new Error('signed out');
  }
  return { status: response.status, data };
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  $('status').textContent = 'Signing in…';
  const { status, data } = await api('POST', '/auth/login', {
    email: form.email.value,
    password: form.password.value,
  });
  if (status !== 200) {
    $('status').textContent = data.message ?? 'Sign-in failed.';
    return;
  }
  state.token = data.accessToken;
  sessionStorage.setItem('hearth.accessToken', data.accessToken);
  form.password.value = '';
  await prejoin();
}

async function fillDevices(kind, select, current) {
  const devices = await Room.getLocalDevices(kind, false).catch(() => []);
  select.replaceChildren(
    ...devices.map((device, index) => {
      const option = new Option(
        device.label || `${kind === 'videoinput' ? 'Camera' : 'Microphone'} ${index + 1}`,
        device.deviceId,
      );
      option.selected = device.deviceId === current;
      return option;
    }),
  );
  select.disabled = devices.length === 0;
}

async function startPreview() {
  state.tracks.forEach((track) => track.stop());
  state.tracks = [];
  try {
    state.tracks = await createLocalTracks({
      audio: $('mic-choice').value ? { deviceId: $('mic-choice').value } : true,
      video: $('camera-choice').value ? { deviceId: $('camera-choice').value } : true,
    });
    const video = state.tracks.find((track) => track.kind === Track.Kind.Video);
    video?.attach($('preview'));
    $('preview').classList.toggle('empty', !video);
    $('preview-note').textContent = '';
  } catch {
    $('preview').classList.add('empty');
    $('preview-note').textContent =
      'No camera or microphone could be used. You can still join and listen, or allow access in your browser and reload.';
    $('start-camera').checked = false;
    $('start-mic').checked = false;
  }
  await fillDevices('videoinput', $('camera-choice'), $('camera-choice').value);
  await fillDevices('audioinput', $('mic-choice'), $('mic-choice').value);
}

async function prejoin() {
  if (!sessionId)
    return message(
      'This link has no session in it. Open the link from your calendar or e-mail again.',
    );
  if (!isUuid(sessionId)) return message(INVALID_LINK);
  const [me, session] = await Promise.all([
    api('GET', '/me'),
    api('GET', apiPath`/sessions/${sessionId}`),
  ]);
  if (session.status !== 200)
    return message(session.data.message ?? 'This session cannot be found.');
  state.me = me.data;
  state.session = session.data;
  const group = await api('GET', apiPath`/groups/${session.data.groupId}`);
  state.facilitator = group.data.viewerRole === 'facilitator';
  $('alias').textContent = me.data.displayName;
  const starts = new Date(session.data.startsAt);
  $('session-title').textContent =
    `${session.data.moduleTitle} · ${starts.toLocaleString([], { dateStyle: 'full', timeStyle: 'short' })}`;
  show('prejoin');
  await startPreview();
}

async function requestJoin() {
  $('join').disabled = true;
  try {
    const { status, data } = await api('POST', apiPath`/sessions/${sessionId}/join`);
    if (status === 202) {
      state.lobbyEntryId = data.lobbyEntryId;
      if (state.screen !== 'waiting') show('waiting');
      clearTimeout(state.pollTimer);
      state.pollTimer = setTimeout(requestJoin, POLL_MS);
      return;
    }
    if (status === 200) return connect(data);
    if (status === 503)
      return message(
        'Video is not available on this server at the moment. Please tell the facilitator.',
      );
    if (data.code === 'removed_from_session') return end('removed');
    return message(data.message ?? 'You cannot join this session.');
  } finally {
    $('join').disabled = false;
  }
}

async function connect({ serverUrl, token }) {
  state.serverUrl = serverUrl;
  show('room', 'Connecting…');
  const room = new Room({ adaptiveStream: true, dynacast: true });
  state.room = room;
  room
    .on(RoomEvent.ParticipantConnected, render)
    .on(RoomEvent.ParticipantDisconnected, render)
    .on(RoomEvent.TrackSubscribed, render)
    .on(RoomEvent.TrackUnsubscribed, render)
    .on(RoomEvent.LocalTrackPublished, render)
    .on(RoomEvent.TrackMuted, (publication, participant) => {
      const byFacilitator =
        participant === room.localParticipant &&
        !state.mutingSelf &&
        !state.devicesLost.has(publication.source);
      if (byFacilitator) $('room-notice').textContent = MUTED_BY_FACILITATOR[publication.source];
      render();
    })
    .on(RoomEvent.TrackUnmuted, (publication, participant) => {
      if (participant === room.localParticipant) {
        state.devicesLost.delete(publication.source);
        $('room-notice').textContent = '';
      }
      render();
    })
    .on(RoomEvent.ActiveSpeakersChanged, render)
    .on(RoomEvent.Reconnecting, () => ($('reconnecting').hidden = false))
    .on(RoomEvent.Reconnected, () => ($('reconnecting').hidden = true))
    .on(
      RoomEvent.AudioPlaybackStatusChanged,
      () => ($('start-audio').hidden = room.canPlaybackAudio),
    )
    .on(RoomEvent.Disconnected, (reason) => {
      if (state.leaving) return;
      end(ENDING_FOR_REASON[reason] ?? 'lost');
    });
  try {
    await room.prepareConnection(serverUrl, token);
    await room.connect(serverUrl, token);
  } catch {
    state.connectionFailed = true;
    return message(
      'We could not reach the video server. Check your connection and try again; if it keeps happening, tell the facilitator.',
      () => requestJoin(),
    );
  }
  state.connected = true;
  $('status').textContent = '';
  for (const track of state.tracks) {
    const wanted =
      track.kind === Track.Kind.Video ? $('start-camera').checked : $('start-mic').checked;
    // livekit-client mutes a track whose device is gone for good: that is not the facilitator.
    track.on(TrackEvent.Ended, () => state.devicesLost.add(track.source));
    if (wanted) await room.localParticipant.publishTrack(track);
  }
  $('start-audio').hidden = room.canPlaybackAudio;
  $('end').hidden = !state.facilitator;
  $('facilitator').hidden = !state.facilitator;
  if (state.facilitator) pollLobby();
  render();
}

/** One tile per person, kept across renders: a new <video> each time would flash black. */
const tiles = new Map();

/**
 * The room is over for this person: say why, and offer to join again only where that can work
 * (removed or ended means no automatic or suggested reconnection).
 */
function end(why) {
  state.connected = false;
  state.ended = why;
  state.room = null;
  clearTimeout(state.lobbyTimer);
  state.tracks.forEach((track) => track.stop());
  state.devicesLost.clear();
  $('room-notice').textContent = '';
  $('reconnecting').hidden = true;
  tiles.clear();
  $('grid').replaceChildren();
  const { title, text, retry } = ENDINGS[why];
  message(text, retry ? () => prejoin() : undefined, title, retry);
}

function tileFor(participant, local) {
  let tile = tiles.get(participant.identity);
  if (!tile) {
    const figure = document.createElement('figure');
    const video = Object.assign(document.createElement('video'), {
      autoplay: true,
      playsInline: true,
      muted: local,
    });
    const name = Object.assign(document.createElement('figcaption'), { className: 'name' });
    figure.append(video, name);
    if (state.facilitator && !local) figure.append(moderationButtons(participant));
    tile = { figure, video, name };
    tiles.set(participant.identity, tile);
  }
  return tile;
}

function render() {
  const room = state.room;
  if (!room) return;
  const speaking = new Set(room.activeSpeakers.map((p) => p.identity));
  const people = [room.localParticipant, ...room.remoteParticipants.values()];
  const present = new Set(people.map((participant) => participant.identity));
  for (const [identity, tile] of tiles) {
    if (present.has(identity)) continue;
    tile.figure.remove();
    tiles.delete(identity);
  }
  people.forEach((participant, index) => {
    const local = participant === room.localParticipant;
    const tile = tileFor(participant, local);
    tile.figure.className = `tile${speaking.has(participant.identity) ? ' speaking' : ''}`;
    tile.name.textContent = local ? `${participant.name} (you)` : participant.name;
    const camera = participant.getTrackPublication(Track.Source.Camera)?.track;
    if (camera !== tile.camera) {
      tile.camera?.detach(tile.video);
      camera?.attach(tile.video);
      tile.camera = camera;
    }
    const audio = local
      ? undefined
      : participant.getTrackPublication(Track.Source.Microphone)?.track;
    if (audio !== tile.audio) {
      tile.audio?.detach().forEach((element) => element.remove());
      if (audio) tile.figure.append(audio.attach());
      tile.audio = audio;
    }
    // Only move what is out of place: taking a playing video out of the page pauses it.
    const grid = $('grid');
    if (grid.children[index] !== tile.figure)
      grid.insertBefore(tile.figure, grid.children[index] ?? null);
  });
  const mic = room.localParticipant.isMicrophoneEnabled;
  const cam = room.localParticipant.isCameraEnabled;
  $('toggle-mic').textContent = mic ? 'Mute' : 'Unmute';
  $('toggle-mic').setAttribute('aria-pressed', String(mic));
  $('toggle-camera').textContent = cam ? 'Camera off' : 'Camera on';
  $('toggle-camera').setAttribute('aria-pressed', String(cam));
}

function moderationButtons(participant) {
  const actions = document.createElement('div');
  actions.className = 'actions';
  const mute = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: 'Mute',
  });
  mute.setAttribute('aria-label', `Mute ${participant.name}`);
  mute.onclick = () =>
    api('POST', apiPath`/sessions/${sessionId}/participants/${participant.identity}/mute`, {});
  const remove = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: 'Remove',
    className: 'danger',
  });
  remove.setAttribute('aria-label', `Remove ${participant.name} from this session`);
  remove.onclick = () => {
    if (confirm(`Remove ${participant.name}? They will not be able to rejoin this session.`)) {
      void api('POST', apiPath`/sessions/${sessionId}/participants/${participant.identity}/remove`);
    }
  };
  actions.append(mute, remove);
  return actions;
}

async function pollLobby() {
  if (!state.room || state.leaving) return;
  const { data } = await api('GET', apiPath`/sessions/${sessionId}/lobby`);
  $('lobby').replaceChildren(
    ...(data.items ?? []).map((entry) => {
      const item = document.createElement('li');
      const admit = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: 'Admit',
      });
      admit.onclick = () =>
        api('POST', apiPath`/sessions/${sessionId}/lobby/${entry.id}/admit`).then(pollLobby);
      const deny = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: 'Deny',
        className: 'danger',
      });
      deny.onclick = () =>
        api('POST', apiPath`/sessions/${sessionId}/lobby/${entry.id}/deny`).then(pollLobby);
      item.append(document.createTextNode(entry.displayName), admit, deny);
      return item;
    }),
  );
  if (!data.items?.length)
    $('lobby').append(
      Object.assign(document.createElement('li'), { textContent: 'Nobody is waiting.' }),
    );
  clearTimeout(state.lobbyTimer);
  state.lobbyTimer = setTimeout(pollLobby, POLL_MS);
}

$('signin').addEventListener('submit', (event) => void signIn(event).catch(() => undefined));
$('join').addEventListener('click', () => void requestJoin().catch(() => undefined));
$('camera-choice').addEventListener('change', () => void startPreview());
$('mic-choice').addEventListener('change', () => void startPreview());
/** Runs the person's own mute or unmute, which is theirs and not the facilitator's. */
async function byThemselves(change) {
  state.mutingSelf = true;
  try {
    await change(state.room?.localParticipant);
  } finally {
    state.mutingSelf = false;
  }
  render();
}
$('toggle-mic').addEventListener('click', () =>
  byThemselves((me) => me?.setMicrophoneEnabled(!me.isMicrophoneEnabled)),
);
$('toggle-camera').addEventListener('click', () =>
  byThemselves((me) => me?.setCameraEnabled(!me.isCameraEnabled)),
);
$('start-audio').addEventListener('click', () => void state.room?.startAudio());
$('leave').addEventListener('click', async () => {
  state.leaving = true;
  await state.room?.disconnect();
  state.tracks.forEach((track) => track.stop());
  message('You left the session. Take care.', () => location.reload());
});
$('end').addEventListener('click', async () => {
  if (!confirm('End the session for everyone?')) return;
  state.leaving = true;
  await api('POST', apiPath`/sessions/${sessionId}/end`);
  await state.room?.disconnect();
  message('The session has ended for everyone.');
});

if (sessionId && !isUuid(sessionId)) message(INVALID_LINK);
else if (state.token) void prejoin().catch(() => undefined);
else show('signin');
