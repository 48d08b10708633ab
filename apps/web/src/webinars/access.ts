import { forgetFragment, fromFragment } from '../ui/fragment';

const storageKey = (webinarId: string) => `hearth.webinar.${webinarId}`;

/**
 * The attendee's (or speaker's) access key for this webinar. An e-mailed link carries it in the
 * fragment (`#key=…`), which no server sees; it is taken out of the address at once, so it is not
 * left in the history or shared with a copied link. It is kept in sessionStorage only: a reload
 * of the tab keeps it, but once the tab is closed the next person on a shared device is not this
 * attendee (the e-mailed link restores it).
 */
export function takeAccessKey(webinarId: string): string | null {
  const fromLink = fromFragment('key');
  if (fromLink) {
    sessionStorage.setItem(storageKey(webinarId), fromLink);
    forgetFragment();
  }
  return sessionStorage.getItem(storageKey(webinarId));
}

export const keepAccessKey = (webinarId: string, key: string) =>
  sessionStorage.setItem(storageKey(webinarId), key);

export const forgetAccessKey = (webinarId: string) => {
  sessionStorage.removeItem(storageKey(webinarId));
  sessionStorage.removeItem(votesKey(webinarId));
};

/** The header webinar routes take from attendees and speakers. */
export const withKey = (key: string) => ({ headers: { 'x-access-key': key } });

/** Questions this tab upvoted (the api counts one vote each; this only greys the button). */
const votesKey = (webinarId: string) => `hearth.webinar.${webinarId}.votes`;
export function votedQuestions(webinarId: string): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(votesKey(webinarId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}
export function rememberVote(webinarId: string, questionId: string) {
  const voted = votedQuestions(webinarId).add(questionId);
  sessionStorage.setItem(votesKey(webinarId), JSON.stringify([...voted]));
}
