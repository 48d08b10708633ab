import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { escapeHtml } from './html.js';
import type { MailMessage } from './mailer.service.js';

export interface SessionEmailInput {
  to: string;
  displayName: string;
  groupName: string;
  moduleTitle: string;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  /** The recipient's own zone: times are written in it. */
  timezone: string;
  joinLink: string;
  revision: number;
  cancelled?: boolean;
}

/** The local time in the recipient's zone, e.g. "Thursday 5 November 2026, 19:00 (Europe/London)". */
export function localTime(at: Date, timezone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timezone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')} (${timezone})`;
}

function sessionInvite(input: SessionEmailInput): string {
  const calendar = ical({ name: 'Hearth', prodId: '//Hearth//Sessions//EN', method: undefined });
  calendar.createEvent({
    id: `session-${input.sessionId}@hearth`,
    sequence: input.revision,
    start: input.startsAt,
    end: input.endsAt,
    summary: `${input.groupName}: ${input.moduleTitle}`,
    description: `Join from Hearth: ${input.joinLink}`,
    url: input.joinLink,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

function render(
  input: SessionEmailInput,
  subject: string,
  lead: string,
  withLink: boolean,
): MailMessage {
  const when = localTime(input.startsAt, input.timezone);
  // The web app's profile page, where reminder channels are chosen, on the same site as the link.
  const settings = new URL('/profile', input.joinLink).toString();
  const text = [
    `Hello ${input.displayName},`,
    ``,
    lead,
    ``,
    `${input.groupName}: ${input.moduleTitle}`,
    `When: ${when}`,
    ...(withLink ? [``, `Join here: ${input.joinLink}`] : []),
    ``,
    `This e-mail was sent by Hearth. You can turn reminders off in your profile: ${settings}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.displayName)},</p>
<p>${escapeHtml(lead)}</p>
<p><strong>${escapeHtml(input.groupName)}: ${escapeHtml(input.moduleTitle)}</strong><br>When: ${escapeHtml(when)}</p>
${withLink ? `<p><a href="${escapeHtml(input.joinLink)}">Join the session</a></p>` : ''}
<p style="color:#666">This e-mail was sent by Hearth. You can turn reminders off in <a href="${escapeHtml(settings)}">your profile</a>.</p>
</body></html>`;
  return {
    to: input.to,
    subject,
    text,
    html,
    attachments: [
      { filename: 'session.ics', content: sessionInvite(input), contentType: 'text/calendar' },
    ],
  };
}

/** "Your session starts in 1 hour", with the time in the recipient's zone and the join link. */
export function reminderEmail(input: SessionEmailInput, offsetMinutes: number): MailMessage {
  const inWords =
    offsetMinutes % 1440 === 0
      ? `${offsetMinutes / 1440} day${offsetMinutes === 1440 ? '' : 's'}`
      : offsetMinutes % 60 === 0
        ? `${offsetMinutes / 60} hour${offsetMinutes === 60 ? '' : 's'}`
        : `${offsetMinutes} minute${offsetMinutes === 1 ? '' : 's'}`;
  return render(
    input,
    `Reminder: your session starts in ${inWords}`,
    `Your group meets in ${inWords}.`,
    true,
  );
}

export function sessionMovedEmail(input: SessionEmailInput): MailMessage {
  return render(input, 'Your session has moved', 'A session of your group has a new time.', true);
}

/** The facilitator's reason, when they gave one, is told with the cancellation. */
export function sessionCancelledEmail(
  input: SessionEmailInput,
  reason?: string | null,
): MailMessage {
  return render(
    { ...input, cancelled: true },
    'Your session is cancelled',
    `This session of your group will not take place.${reason ? ` Reason: ${reason}` : ''}`,
    false,
  );
}
