import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '#config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/**
 * Sends e-mail through `SMTP_URL`. Without it (a laptop with nothing configured) each message is
 * written as an .eml file to `MAIL_OUTBOX_DIR`, so nothing is lost and nothing leaves the machine.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    if (!this.config.SMTP_URL) {
      const dir = resolve(this.config.MAIL_OUTBOX_DIR);
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${Date.now()}-${String(info.messageId).replace(/[^\w.-]/g, '')}.eml`);
      await writeFile(file, (info as unknown as { message: Buffer }).message);
      this.logger.log(`SMTP_URL is not set: e-mail written to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
