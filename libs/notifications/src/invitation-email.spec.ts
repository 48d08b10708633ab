import { invitationEmail } from './invitation-email.js';

describe('invitationEmail', () => {
  const input = {
    to: 'sam@example.org',
    organizationName: 'Tom & Jerry <Therapy>',
    role: 'participant',
    link: 'https://hearth.example.org/invitations/accept#token=abc.def',
    expiresAt: new Date('2026-12-01T10:00:00Z'),
  };

  it('carries the link and the expiry in both parts', () => {
    const mail = invitationEmail(input);
    expect(mail.to).toBe('sam@example.org');
    expect(mail.text).toContain(input.link);
    expect(mail.html).toContain(
      'href="https://hearth.example.org/invitations/accept#token=abc.def"',
    );
    expect(mail.text).toContain('Tuesday 1 December 2026, 10:00 UTC');
  });

  it('escapes the organization name in HTML', () => {
    const mail = invitationEmail(input);
    expect(mail.html).toContain('Tom &#38; Jerry &#60;Therapy&#62;');
    expect(mail.html).not.toContain('<Therapy>');
  });
});

describe('invitationEmail to an existing account', () => {
  it('tells the person they can accept after signing in', () => {
    const mail = invitationEmail({
      to: 'sam@example.org',
      organizationName: 'Harbour',
      role: 'therapist',
      link: 'https://hearth.example.org/invitations/accept#token=abc.def',
      expiresAt: new Date('2026-12-01T10:00:00Z'),
      hasAccount: true,
    });
    expect(mail.text).toContain('sign in to accept');
    expect(mail.text).not.toContain('choose your password');
    expect(mail.html).toContain('sign in to accept');
  });
});
