// The token travels in the URL fragment, which is never sent to any server.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const status = document.getElementById('status');

async function verify() {
  if (!token) {
    status.textContent = 'This link is incomplete. Open the link from your e-mail again.';
    return;
  }
  try {
    const response = await fetch('/api/v1/auth/verify-email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    history.replaceState(null, '', location.pathname);
    status.textContent = response.ok
      ? 'Thank you: your e-mail address is confirmed.'
      : 'This link is no longer valid. Sign in and ask for a new one.';
  } catch {
    status.textContent = 'Hearth could not be reached. Check your connection and try again.';
  }
}

void verify();
