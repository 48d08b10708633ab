// The webinar page: register (no account), watch, ask and upvote questions; and, for hosts,
// the moderation queue and promote/demote. Keys live in sessionStorage, never in the URL.
import { Room, RoomEvent, Track } from '/vendor/livekit/livekit-client.esm.mjs';
import { apiPath, INVALID_LINK, isUuid } from '/url-ids.js';

const $ = (id) => document.getElementById(id);
const app = $('app');
const params = new URLSearchParams(location.hash.slice(1));
const webinarId = params.get('webinar');
const validLink = isUuid(webinarId);
const hostMode = params.get('host') === '1';
const storageKey = `hearth.webinar.${webinarId}`;
const state = {
  key: params.get('key') ?? sessionStorage.getItem(storageKey),
  token: sessionStorage.getItem('hearth.accessToken'),
  /** Pages of 200 attendees a host has asked to see. */
  attendeePages: 1,
};
window.hearthWebinar = state;
if (validLink && params.get('key')) {
  sessionStorage.setItem(storageKey, params.get('key'));
  history.replaceState(null, '', `${location.pathname}#webinar=${webinarId}`);
}

function show(screen, status = '') {
  app.dataset.screen = screen;
  $('status').textContent = status;
}

async function api(method, path, body) {
  const headers = { ...(body ? { 'content-type': 'application/json' } : {}) };
  if (hostMode && state.token) headers.authorization = `Bearer ${state.token}`;
  else if (state.key) headers['x-access-key'] = state.key;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, data: await response.json().catch(() => ({})) };
}

async function details() {
  const { status, data } = await api('GET', apiPath`/webinars/${webinarId}`);
  if (status !== 200) return show('register', 'This webinar cannot be found.');
  $('title').textContent = data.title;
  $('description').textContent = data.description;
  $('when').textContent =
    `${new Date(data.startsAt).toLocaleString([], { dateStyle: 'full', timeStyle: 'short' })} · ${data.durationMinutes} minutes`;
  state.details = data;
}

async function register(event) {
  event.preventDefault();
  const form = event.target;
  const { status, data } = await api('POST', apiPath`/webinars/${webinarId}/registrations`, {
    displayName: form.displayName.value.trim(),
    email: form.email.value.trim(),
  });
  if (status !== 201) return ($('status').textContent = data.message ?? 'Registration failed.');
  state.key = data.accessKey;
  sessionStorage.setItem(storageKey, data.accessKey);
  await watch('You are registered; your link is on its way by e-mail.');
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const { status, data } = await api('POST', '/auth/login', {
    email: form.email.value,
    password: form.password.value,
  });
  if (status !== 200) return ($('status').textContent = data.message ?? 'Sign-in failed.');
  state.token = data.accessToken;
  sessionStorage.setItem('hearth.accessToken', data.accessToken);
  await watch();
}

async function watch(status = '') {
  show('watch', status);
  $('ask').hidden = hostMode;
  app.querySelectorAll('[data-role="host"]').forEach((el) => (el.hidden = !hostMode));
  void refresh();
  await connectVideo();
}

/**
 * Joins the video. The room opens when the first host or speaker joins, and the audience may
 * come earlier (LiveKit refuses a room nobody opened), so until then it keeps trying, backing
 * off, as it does while the video server cannot be reached.
 */
async function connectVideo(attempt = 0) {
  const joined = await api('POST', apiPath`/webinars/${webinarId}/join`);
  if (joined.status !== 200) {
    $('video-note').textContent = joined.data.message ?? 'The video is not available yet.';
    return;
  }
  state.serverUrl = joined.data.serverUrl;
  const room = new Room({ adaptiveStream: true, dynacast: true });
  room
    .on(RoomEvent.TrackSubscribed, renderStage)
    .on(RoomEvent.TrackUnsubscribed, renderStage)
    .on(
      RoomEvent.AudioPlaybackStatusChanged,
      () => ($('start-audio').hidden = room.canPlaybackAudio),
    );
  state.room = room;
  try {
    await room.connect(joined.data.serverUrl, joined.data.token);
  } catch (error) {
    $('video-note').textContent = /room does not exist/i.test(String(error?.message))
      ? 'The webinar has not started yet. It will appear here as soon as the hosts open it.'
      : 'We could not reach the video server. Questions still work; we keep trying.';
    const delay = Math.min(3_000 * 2 ** attempt, 30_000) * (0.75 + Math.random() / 2);
    state.retry = setTimeout(() => void connectVideo(attempt + 1), delay);
    return;
  }
  state.connected = true;
  room.on(RoomEvent.Disconnected, () => {
    state.connected = false;
    $('video-note').textContent = 'The video has stopped. Reload the page to watch again.';
  });
  renderStage();
}

function renderStage() {
  const room = state.room;
  const tiles = [...room.remoteParticipants.values()].flatMap((p) => {
    const video = p.getTrackPublication(Track.Source.Camera)?.track;
    if (!video) return [];
    const tile = document.createElement('figure');
    tile.className = 'tile';
    const caption = Object.assign(document.createElement('figcaption'), {
      className: 'name',
      textContent: p.name,
    });
    tile.append(video.attach(), caption);
    const audio = p.getTrackPublication(Track.Source.Microphone)?.track;
    if (audio) tile.append(audio.attach());
    return [tile];
  });
  $('stage').replaceChildren(...tiles);
  if (state.connected) {
    $('video-note').textContent = tiles.length
      ? ''
      : 'You are connected. The speakers appear here once their cameras are on.';
  }
}

function button(label, onClick, className = '') {
  const b = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: label,
    className,
  });
  b.onclick = () => void onClick().then(refresh);
  return b;
}

/** Every page of a list, up to `pages` of them (hosts page through attendees on demand). */
async function pagesOf(path, pages) {
  const items = [];
  let cursor;
  for (let page = 0; page < pages; page += 1) {
    const query = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { status, data } = await api('GET', `${path}?${query}`);
    if (status !== 200) break;
    items.push(...data.items);
    cursor = data.nextCursor;
    if (!cursor) break;
  }
  return { items, more: Boolean(cursor) };
}

/** The questions to show: for hosts, the held ones (the most voted, then the oldest) first. */
async function questionsToShow() {
  const path = apiPath`/webinars/${webinarId}/questions`;
  const top = await api('GET', path);
  if (top.status !== 200) return null;
  if (!hostMode) return top.data.items;
  const held = await api('GET', `${path}?status=held&limit=200`);
  const waiting = held.status === 200 ? held.data.items : [];
  return [...waiting, ...top.data.items.filter((q) => q.status !== 'held')];
}

async function refresh() {
  const questions = await questionsToShow();
  if (questions) {
    $('questions').replaceChildren(
      ...questions.map((q) => {
        const item = document.createElement('li');
        const label = `${q.text} — ${q.author ?? 'Anonymous'} · ${q.votes} vote${q.votes === 1 ? '' : 's'}${q.status === 'held' ? ' · waiting for approval' : ''}${q.status === 'answered' ? ' · answered' : ''}`;
        item.append(document.createTextNode(label));
        if (hostMode) {
          if (q.status === 'held')
            item.append(
              button('Approve', () =>
                api('POST', apiPath`/webinars/${webinarId}/questions/${q.id}/approve`),
              ),
            );
          if (q.status !== 'answered')
            item.append(
              button('Answered', () =>
                api('POST', apiPath`/webinars/${webinarId}/questions/${q.id}/answer`),
              ),
            );
          if (q.status !== 'dismissed')
            item.append(
              button(
                'Dismiss',
                () => api('POST', apiPath`/webinars/${webinarId}/questions/${q.id}/dismiss`),
                'danger',
              ),
            );
        } else if (!q.mine && q.status !== 'held') {
          item.append(
            button('Upvote', () =>
              api('POST', apiPath`/webinars/${webinarId}/questions/${q.id}/upvote`),
            ),
          );
        }
        return item;
      }),
    );
  }
  if (hostMode) {
    const attendees = await pagesOf(
      apiPath`/webinars/${webinarId}/registrations`,
      state.attendeePages,
    );
    $('more-attendees').hidden = !attendees.more;
    $('attendees').replaceChildren(
      ...attendees.items.map((r) => {
        const item = document.createElement('li');
        item.append(document.createTextNode(r.displayName));
        item.append(
          r.promoted
            ? button(
                'Demote',
                () => api('POST', apiPath`/webinars/${webinarId}/attendees/${r.id}/demote`),
                'danger',
              )
            : button('Invite to speak', () =>
                api('POST', apiPath`/webinars/${webinarId}/attendees/${r.id}/promote`),
              ),
        );
        return item;
      }),
    );
  }
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, 3000);
}

$('more-attendees').addEventListener('click', () => {
  state.attendeePages += 1;
  void refresh();
});
$('register').addEventListener('submit', (event) => void register(event));
$('signin').addEventListener('submit', (event) => void signIn(event));
$('start-audio').addEventListener('click', () => void state.room?.startAudio());
$('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const { status, data } = await api('POST', apiPath`/webinars/${webinarId}/questions`, {
    text: form.text.value.trim(),
    anonymous: form.anonymous.checked,
  });
  $('status').textContent =
    status === 201
      ? data.status === 'held'
        ? 'Thank you. Your question will appear once a host approves it.'
        : 'Thank you for your question.'
      : (data.message ?? 'Your question could not be sent.');
  if (status === 201) form.reset();
  await refresh();
});

if (!validLink) show('invalid', INVALID_LINK);
else {
  await details();
  if (hostMode && state.token) await watch();
  else if (hostMode) show('signin');
  else if (state.key) await watch();
  else show('register');
}
