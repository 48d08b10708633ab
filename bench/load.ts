/**
 * The load generator, run as its own process (forked by `runLoad` in support.ts) so that it never
 * shares a CPU queue with the server it measures. Takes one `LoadOptions` message, drives
 * autocannon with it and prints autocannon's result as one JSON line.
 */
import autocannon from 'autocannon';

/** The parts of a request that change from one request to the next. */
export interface LoadVariant {
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** Where to send requests: always 127.0.0.1. */
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Cycled through in order across every connection: one access key or token per request. */
  variants?: LoadVariant[];
  connections: number;
  /** Seconds. */
  duration: number;
  /** Stop after this many requests instead (autocannon's `amount`). */
  amount?: number;
  /** Requests per second for all connections together; unset means as fast as answered. */
  overallRate?: number;
}

function run(options: LoadOptions): Promise<autocannon.Result> {
  const { variants } = options;
  let next = 0;
  return autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.duration,
    amount: options.amount,
    overallRate: options.overallRate,
    // One request in flight per connection, as a browser or LiveKit sends them.
    pipelining: 1,
    requests: variants?.length
      ? [
          {
            setupRequest: (request) => {
              const variant = variants[next++ % variants.length];
              return {
                ...request,
                ...(variant.path ? { path: variant.path } : {}),
                headers: { ...request.headers, ...variant.headers },
                ...(variant.body !== undefined ? { body: variant.body } : {}),
              };
            },
          },
        ]
      : undefined,
  });
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(
        `load failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    },
  );
});
