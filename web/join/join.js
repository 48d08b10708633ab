// The join page: sign in, check camera and microphone, wait in the lobby if there is one, then
// the room. Tokens live in sessionStorage (this tab only), never in the URL.
import { Room, RoomEvent, Track, createLocalTracks } from '/vendor/livekit/livekit-client.esm.mjs';
import { apiPath, INVALID_LINK, isUuid } from '/url-ids.js';

const app = document.getElementById('app');
const $ = (id) => document.getElementById(id);
const sessionId = new URLSearchParams(location.hash.slice(1)).get('session');
const POLL_MS = 3000;

/** Everything the page knows; the screen shown is `app.dataset.screen`. */
const state = { token: sessionStorage.getItem('hearth.accessToken'), room: null, tracks: [] };
window.hearthJoin = state; // for tests and support: the page's state, no secrets beyond this tab

function show(screen, status = '') {
  app.dataset.screen = screen;
  state.screen = screen;
  $('status').textContent = status;
  const heading = app.querySelector(`[data-for="${screen}"] h1`);
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

function message(text, retry) {
  $('message').textContent = text;
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
    .on(RoomEvent.ActiveSpeakersChanged, render)
    .on(RoomEvent.Reconnecting, () => ($('reconnecting').hidden = false))
    .on(RoomEvent.Reconnected, () => ($('reconnecting').hidden = true))
    .on(
      RoomEvent.AudioPlaybackStatusChanged,
      () => ($('start-audio').hidden = room.canPlaybackAudio),
    )
    .on(RoomEvent.Disconnected, () => {
      if (state.leaving) return;
      message('The session has ended or you were disconnected.', () => requestJoin());
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
    if (wanted) await room.localParticipant.publishTrack(track);
  }
  $('start-audio').hidden = room.canPlaybackAudio;
  $('end').hidden = !state.facilitator;
  $('facilitator').hidden = !state.facilitator;
  if (state.facilitator) pollLobby();
  render();
}

function render() {
  const room = state.room;
  if (!room) return;
  const speaking = new Set(room.activeSpeakers.map((p) => p.identity));
  const people = [room.localParticipant, ...room.remoteParticipants.values()];
  $('grid').replaceChildren(
    ...people.map((participant) => {
      const tile = document.createElement('figure');
      tile.className = `tile${speaking.has(participant.identity) ? ' speaking' : ''}`;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = participant === room.localParticipant;
      participant.getTrackPublication(Track.Source.Camera)?.track?.attach(video);
      const audio = participant.getTrackPublication(Track.Source.Microphone)?.track;
      if (audio && participant !== room.localParticipant) tile.append(audio.attach());
      const name = document.createElement('figcaption');
      name.className = 'name';
      name.textContent =
        participant === room.localParticipant ? `${participant.name} (you)` : participant.name;
      tile.append(video, name);
      if (state.facilitator && participant !== room.localParticipant)
        tile.append(moderationButtons(participant));
      return tile;
    }),
  );
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
$('toggle-mic').addEventListener('click', async () => {
  await state.room?.localParticipant.setMicrophoneEnabled(
    !state.room.localParticipant.isMicrophoneEnabled,
  );
  render();
});
$('toggle-camera').addEventListener('click', async () => {
  await state.room?.localParticipant.setCameraEnabled(!state.room.localParticipant.isCameraEnabled);
  render();
});
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
