import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Session } from '#sessions';

/** The one thing Hearth stores about a room's chat: whether it is on. */
@Injectable()
export class RoomChatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async setChatEnabled(sessionId: string, enabled: boolean): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId }, { chatEnabled: enabled });
  }
}
