import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Work done inside a transaction: repositories take this manager to join it. */
export type Tx = EntityManager;

/**
 * The one way to run a transaction: services say what belongs together, repositories do the
 * reads and writes with the manager they are handed (`repo.save(row, tx)`).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
