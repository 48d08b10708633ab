import { randomBytes } from 'node:crypto';
import {
  createTestEnvironment,
  type QueueBackendName,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './hearth.js';
import { LiveKitStandin } from './livekit-standin.js';
import { TestSmtpServer } from './smtp.js';

export interface Deployment {
  env: TestEnvironment;
  api: RunningApi;
  worker?: RunningWorker;
  /** The LiveKit stand-in the api and worker talk to (its keys are `livekitKey`/`livekitSecret`). */
  standin: LiveKitStandin;
  livekitKey: string;
  livekitSecret: string;
  smtp?: TestSmtpServer;
  close(): Promise<void>;
}

/**
 * A whole deployment for one test file: its own database and queues, the api, optionally the
 * worker and a real SMTP server, and the LiveKit stand-in wired in as LIVEKIT_URL.
 */
export async function startDeployment(
  label: string,
  options: {
    worker?: boolean;
    smtp?: boolean;
    backend?: QueueBackendName;
    env?: Record<string, string>;
    livekitKey?: string;
    livekitSecret?: string;
  } = {},
): Promise<Deployment> {
  const livekitKey = options.livekitKey ?? `key-${randomBytes(4).toString('hex')}`;
  const livekitSecret = options.livekitSecret ?? randomBytes(24).toString('hex');
  const standin = await new LiveKitStandin(livekitKey, livekitSecret).start();
  const smtp = options.smtp ? await new TestSmtpServer().start() : undefined;
  const env = await createTestEnvironment(label, {
    backend: options.backend,
    env: {
      LIVEKIT_URL: standin.url,
      LIVEKIT_PUBLIC_URL: standin.url.replace('http', 'ws'),
      LIVEKIT_API_KEY: livekitKey,
      LIVEKIT_API_SECRET: livekitSecret,
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
      ...options.env,
    },
  });
  const api = await startApi(env.config);
  const worker = options.worker === false ? undefined : await startWorker(env.config);
  return {
    env,
    api,
    worker,
    standin,
    livekitKey,
    livekitSecret,
    smtp,
    close: async () => {
      await worker?.app.close();
      await api.close();
      await smtp?.stop();
      await standin.stop();
      await env.close();
    },
  };
}
