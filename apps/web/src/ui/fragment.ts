/**
 * Links that carry a secret (an invitation token, a webinar access key) put it in the URL
 * fragment, which no server sees. Pages read it here once and take it out of the address.
 */
export const fromFragment = (name: string): string | null =>
  new URLSearchParams(window.location.hash.slice(1)).get(name);

/** Drops the fragment once its secret is read, so it stays out of history and screenshots. */
export const forgetFragment = () =>
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
