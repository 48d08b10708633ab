// The reset token travels in the URL fragment, which is never sent to any server.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const form = document.getElementById('reset');
const status = document.getElementById('status');

if (!token) {
  status.textContent = 'This link is incomplete. Open the link from your e-mail again.';
  form.hidden = true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const newPassword = form.password.value;
  if (newPassword.length < 10) {
    status.textContent = 'The password must be at least 10 characters long.';
    form.password.focus();
    return;
  }
  if (newPassword !== form.repeat.value) {
    status.textContent = 'The two passwords are not the same. Type them again.';
    form.repeat.focus();
    return;
  }
  status.textContent = 'Saving…';
  try {
    const response = await fetch('/api/v1/auth/password-reset/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, newPassword }),
    });
    if (response.ok) {
      form.hidden = true;
      history.replaceState(null, '', location.pathname);
      status.textContent =
        'Your password is changed and every device was signed out. Sign in with the new password.';
      return;
    }
    const answer = await response.json();
    status.textContent =
      response.status === 404
        ? 'This link is no longer valid. Ask for a new one from the sign-in page.'
        : (answer.errors?.[0]?.message ?? answer.message);
  } catch {
    status.textContent = 'Hearth could not be reached. Check your connection and try again.';
  }
});
