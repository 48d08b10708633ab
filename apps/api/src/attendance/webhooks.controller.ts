import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AttendanceService, WebhookReceipt } from '#attendance';
import { Public } from '../auth/auth.decorators.js';
import { ApiAnswer } from '../common/api-answer.js';
import { RawWebhookBody } from '../common/request-limits.js';

@ApiTags('attendance')
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly attendance: AttendanceService) {}

  /**
   * LiveKit's webhooks. The body arrives as the raw bytes LiveKit signed (a content-type parser
   * for application/webhook+json keeps it a Buffer). Stored and queued; never processed here.
   */
  @ApiAnswer(WebhookReceipt, 'Stored (or a duplicate, ignored)')
  @RawWebhookBody()
  @Post('livekit')
  @HttpCode(200)
  async livekit(
    @Body() body: Buffer,
    @Headers('authorization') authorization?: string,
  ): Promise<WebhookReceipt> {
    const { stored } = await this.attendance.ingest(
      Buffer.isBuffer(body) ? body : undefined,
      authorization,
    );
    return { received: true, duplicate: !stored };
  }
}
