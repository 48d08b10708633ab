import ical from 'ical-generator';
import { escapeHtml } from './html.js';
import type { MailMessage } from './mailer.service.js';
import { localTime } from './session-email.js';

export interface WebinarEmailInput {
  to: string;
  displayName: string;
  webinarId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timezone: string;
  /** The personal link, with the access key in its fragment. */
  link: string;
}

function invite(input: WebinarEmailInput): string {
  const calendar = ical({ name: 'Hearth', prodId: '//Hearth//Webinars//EN' });
  calendar.createEvent({
    id: `webinar-${input.webinarId}@hearth`,
    start: input.startsAt,
    end: new Date(input.startsAt.getTime() + input.durationMinutes * 60_000),
    summary: input.title,
    description: 'Join with the link in your confirmation e-mail.',
  });
  return calendar.toString();
}

function render(input: WebinarEmailInput, subject: string, lead: string): MailMessage {
  const when = localTime(input.startsAt, input.timezone);
  const text = [
    `Hello ${input.displayName},`,
    ``,
    lead,
    ``,
    `${input.title}`,
    `When: ${when}`,
    ``,
    `Your personal link (keep it to yourself): ${input.link}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.displayName)},</p><p>${escapeHtml(lead)}</p>
<p><strong>${escapeHtml(input.title)}</strong><br>When: ${escapeHtml(when)}</p>
<p><a href="${escapeHtml(input.link)}">Your personal link</a> (keep it to yourself)</p>
</body></html>`;
  // The calendar file carries no link: calendars get shared, personal keys must not be.
  return {
    to: input.to,
    subject,
    text,
    html,
    attachments: [
      { filename: 'webinar.ics', content: invite(input), contentType: 'text/calendar' },
    ],
  };
}

export const webinarConfirmationEmail = (input: WebinarEmailInput) =>
  render(input, `You are registered: ${input.title}`, 'Thank you for registering. See you there.');

export const webinarReminderEmail = (input: WebinarEmailInput) =>
  render(input, `Starting soon: ${input.title}`, 'The webinar you registered for starts soon.');

export const webinarSpeakerEmail = (input: WebinarEmailInput) =>
  render(
    input,
    `You are invited to speak: ${input.title}`,
    'You have been invited to speak at this webinar.',
  );
