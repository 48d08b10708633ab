import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The PostgreSQL channel every api process listens on. */
export const COMMUNITY_CHANNEL = 'hearth_community';

export interface PgListener {
  client: {
    query(sql: string): Promise<unknown>;
    on(
      event: 'notification',
      listener: (message: { channel: string; payload?: string }) => void,
    ): void;
    on(event: 'error', listener: (error: Error) => void): void;
  };
  release: () => void;
}

/** NOTIFY and LISTEN on the community channel. */
@Injectable()
export class CommunityNotifyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async notify(payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [COMMUNITY_CHANNEL, payload]);
  }

  /**
   * A connection of the pool of its own, listening. `release` ends that connection (once; later
   * calls do nothing): a client left LISTENing with our handlers is never handed back to the pool.
   */
  async listen(
    onPayload: (payload: string) => void,
    onError: (error: Error) => void,
  ): Promise<PgListener> {
    const [client, done] = (await this.dataSource.driver.obtainMasterConnection()) as [
      PgListener['client'],
      (destroy?: boolean) => void,
    ];
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      done(true);
    };
    client.on('notification', ({ channel, payload }) => {
      if (channel === COMMUNITY_CHANNEL && payload) onPayload(payload);
    });
    client.on('error', (error) => {
      if (!released) onError(error);
    });
    try {
      await client.query(`LISTEN ${COMMUNITY_CHANNEL}`);
    } catch (error) {
      release();
      throw error;
    }
    return { client, release };
  }

  /** Ends the listening connection (its LISTEN with it). */
  unlisten({ release }: PgListener): void {
    release();
  }
}
