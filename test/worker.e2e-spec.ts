import { MissingProcessorError } from '../apps/worker/src/processor-check.js';
import { createTestEnvironment, startWorker, type TestEnvironment } from './support/hearth.js';

describe('Worker start-up (e2e)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment('worker');
  });

  afterAll(() => env?.close());

  it('refuses to start when a queue has no processor', async () => {
    const started = startWorker(env.config, []);
    await expect(started).rejects.toBeInstanceOf(MissingProcessorError);
    await expect(started).rejects.toThrow('notifications');
  });

  it('starts with every processor and answers health on its own port', async () => {
    const worker = await startWorker(env.config);
    try {
      const response = await fetch(`http://127.0.0.1:${worker.healthPort}/api/v1/health`);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await worker.app.close();
    }
  });
});
