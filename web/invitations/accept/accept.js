// The invitation token travels in the URL fragment, which is never sent to any server.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const form = document.getElementById('accept');
const status = document.getElementById('status');

if (!token) {
  status.textContent = 'This link is incomplete. Open the link from your invitation e-mail again.';
  form.hidden = true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const displayName = form.displayName.value.trim();
  const body = { token, password: form.password.value };
  if (displayName) body.displayName = displayName;
  status.textContent = 'Joining…';
  try {
    const response = await fetch('/api/v1/invitations/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) {
      status.textContent = answer.errors?.[0]?.message ?? answer.message;
      return;
    }
    form.hidden = true;
    history.replaceState(null, '', location.pathname);
    status.textContent = `Welcome, ${answer.user.displayName}. You can now sign in with your e-mail and this password.`;
  } catch {
    status.textContent = 'Hearth could not be reached. Check your connection and try again.';
  }
});
