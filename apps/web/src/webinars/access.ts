/**
 * Ids read from the page's address go into api paths: anything but a UUID could rewrite the path
 * (`../sessions/<id>/cancel#`), so pages refuse such a link before calling the api.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

const storageKey = (webinarId: string) => `hearth.webinar.${webinarId}`;

/**
 * The attendee's (or speaker's) access key for this webinar. An e-mailed link carries it in the
 * fragment (`#key=…`), which no server sees; it is kept in localStorage and taken out of the
 * address at once, so it is not left in the history or shared with a copied link.
 */
export function takeAccessKey(webinarId: string): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromLink) {
    localStorage.setItem(storageKey(webinarId), fromLink);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(storageKey(webinarId));
}

export const keepAccessKey = (webinarId: string, key: string) =>
  localStorage.setItem(storageKey(webinarId), key);

export const forgetAccessKey = (webinarId: string) =>
  localStorage.removeItem(storageKey(webinarId));

/** The header webinar routes take from attendees and speakers. */
export const withKey = (key: string) => ({ headers: { 'x-access-key': key } });

/** Questions this browser upvoted (the api counts one vote each; this only greys the button). */
const votesKey = (webinarId: string) => `hearth.webinar.${webinarId}.votes`;
export function votedQuestions(webinarId: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(votesKey(webinarId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}
export function rememberVote(webinarId: string, questionId: string) {
  const voted = votedQuestions(webinarId).add(questionId);
  localStorage.setItem(votesKey(webinarId), JSON.stringify([...voted]));
}
