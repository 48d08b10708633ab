import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Session } from '#sessions';

/** The one thing Hearth stores about a room's chat: whether it is on. */
@Injectable()
export class RoomChatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The switch as stored; undefined for a session that is gone. */
  async chatEnabled(sessionId: string): Promise<boolean | undefined> {
    const session = await this.dataSource
      .getRepository(Session)
      .findOne({ select: { id: true, chatEnabled: true }, where: { id: sessionId } });
    return session?.chatEnabled;
  }

  async setChatEnabled(sessionId: string, enabled: boolean): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId }, { chatEnabled: enabled });
  }
}
