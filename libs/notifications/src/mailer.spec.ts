import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '#config';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/hearth.js';
import { TestSmtpServer } from '../../../test/support/smtp.js';
import { MailerService } from './mailer.service.js';
import { NotificationsModule } from './notifications.module.js';
import { webinarConfirmationEmail } from './webinar-email.js';

const input = {
  to: 'ana@example.org',
  displayName: 'Ana <b>',
  webinarId: '6f1c1a52-8a7e-4a43-9a57-0f4d1f1f0b11',
  title: 'Sleep and stress',
  startsAt: new Date('2026-03-29T00:30:00Z'),
  durationMinutes: 60,
  timezone: 'Europe/Berlin',
  link: 'https://hearth.example/webinars/6f1c1a52-8a7e-4a43-9a57-0f4d1f1f0b11#key=secret-key',
};

/** The notifications module as the worker builds it: the real mailer, a real SMTP server. */
describe(MailerService.name, () => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  const modules: TestingModule[] = [];

  const mailer = async (overrides: Record<string, string>) => {
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(env.configWith(overrides)), NotificationsModule],
    })
      .setLogger({ log() {}, error() {}, warn() {} })
      .compile();
    modules.push(module);
    return module.get(MailerService);
  };

  beforeAll(async () => {
    env = await createTestEnvironment('notifications_lib');
    smtp = await new TestSmtpServer().start();
  });

  afterAll(async () => {
    await Promise.all(modules.map((m) => m.close()));
    await smtp?.stop();
    await env?.close();
  });

  it('delivers a webinar confirmation with its local time, escaped name and a link-free calendar file', async () => {
    const service = await mailer({ SMTP_URL: smtp.url, MAIL_FROM: 'Hearth <hearth@example.org>' });
    await service.send(webinarConfirmationEmail(input));
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes('ana@example.org'));
    expect(mail.subject).toBe('You are registered: Sleep and stress');
    expect(mail.from?.address).toBe('hearth@example.org');
    expect(mail.text).toContain(input.link);
    expect(mail.html).toContain('Hello Ana &#60;b&#62;,');
    // 00:30 UTC on the night Berlin's clocks go forward is still 01:30 winter time there.
    expect(mail.text).toContain('When: Sunday 29 March 2026, 01:30 (Europe/Berlin)');
    const [ics] = mail.attachments;
    expect(ics.filename).toBe('webinar.ics');
    const calendar =
      typeof ics.content === 'string' ? ics.content : new TextDecoder().decode(ics.content);
    expect(calendar).toContain('SUMMARY:Sleep and stress');
    expect(calendar).not.toContain('secret-key');
  });

  it('writes the message to the outbox when no SMTP server is configured', async () => {
    const outbox = await mkdtemp(join(tmpdir(), 'hearth-outbox-'));
    try {
      const service = await mailer({ MAIL_OUTBOX_DIR: outbox });
      await service.send(webinarConfirmationEmail(input));
      const files = await readdir(outbox);
      expect(files).toHaveLength(1);
      const eml = await readFile(join(outbox, files[0]), 'utf8');
      expect(eml).toContain('To: ana@example.org');
      expect(eml).toContain('Subject: You are registered: Sleep and stress');
    } finally {
      await rm(outbox, { recursive: true, force: true });
    }
  });
});
