import {
  createTestEnvironment,
  type QueueBackendName,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './hearth.js';
import { LiveKitGateway } from './livekit.js';
import { TestSmtpServer } from './smtp.js';

export interface Deployment {
  env: TestEnvironment;
  api: RunningApi;
  worker?: RunningWorker;
  /** The run's real LiveKit server, as this deployment reaches it (LIVEKIT_URL). */
  livekit: LiveKitGateway;
  smtp?: TestSmtpServer;
  close(): Promise<void>;
}

/**
 * A whole deployment for one test file: its own database and queues, the api, optionally the
 * worker and a real SMTP server, on the run's real LiveKit server (through a gateway that
 * routes the server's webhooks for this deployment's rooms to its api).
 */
export async function startDeployment(
  label: string,
  options: {
    worker?: boolean;
    smtp?: boolean;
    backend?: QueueBackendName;
    env?: Record<string, string>;
  } = {},
): Promise<Deployment> {
  const livekit = await new LiveKitGateway().start();
  const smtp = options.smtp ? await new TestSmtpServer().start() : undefined;
  const env = await createTestEnvironment(label, {
    backend: options.backend,
    env: {
      LIVEKIT_URL: livekit.url,
      LIVEKIT_PUBLIC_URL: livekit.wsUrl,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      ...(smtp ? { SMTP_URL: smtp.url } : {}),
      ...options.env,
    },
  });
  const api = await startApi(env.config);
  livekit.webhookUrl = `${api.http.baseUrl}/webhooks/livekit`;
  const worker = options.worker === false ? undefined : await startWorker(env.config);
  return {
    env,
    api,
    worker,
    livekit,
    smtp,
    close: async () => {
      await worker?.app.close();
      await api.close();
      await smtp?.stop();
      await livekit.close();
      await env.close();
    },
  };
}
