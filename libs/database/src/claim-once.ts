import type { FindOptionsWhere, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';

/**
 * Claims a message before it is sent, in a table with a unique key and a `status` column.
 * Answers false when it was sent already. A claim left `sending` by a worker that died mid-send
 * is taken over: BullMQ hands a job to one worker at a time, so only that job's retry finds it.
 */
export async function claimOnce<T extends { status: 'sending' | 'sent' }>(
  repository: Repository<T>,
  key: FindOptionsWhere<T> & QueryDeepPartialEntity<T>,
): Promise<boolean> {
  await repository
    .createQueryBuilder()
    .insert()
    .values({ ...key, status: 'sending' } as QueryDeepPartialEntity<T>)
    .orIgnore()
    .execute();
  return (await repository.findOneByOrFail(key)).status !== 'sent';
}
