import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { distantGroup, organizationWithCurriculum } from './support/groups.js';
import { createTestEnvironment, registerUser, type TestEnvironment } from './support/hearth.js';
import { HttpClient } from './support/http.js';
import { LiveKitGateway } from './support/livekit.js';
import { eventually } from './support/wait.js';
import { freePort } from './support/ports.js';

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[] | undefined;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}
interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

/** Every route of the OpenAPI document, with its path, query and body field names. */
function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema?.$ref;
      const schema = ref ? schemas[ref.split('/').pop()!] : undefined;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: operation.requestBody ? Object.keys(schema?.properties ?? {}) : undefined,
      };
    }),
  );
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Values of every wrong kind for one field: text PostgreSQL refuses, broken Unicode, wrong types. */
const HOSTILE_VALUES: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x\udfff@example.org',
  {},
  [],
  [[[[[]]]]],
  1e308,
  -1,
  0.5,
  true,
  'x'.repeat(5_000),
  '9'.repeat(400),
  '2026-02-30T25:61:00Z',
  '../../etc/passwd',
  { __proto__: { admin: true } },
];

/** Raw bodies that are not what any route takes. */
const HOSTILE_BODIES: { raw: string; type: string }[] = [
  { raw: nested(600), type: 'application/json' },
  { raw: '[]', type: 'application/json' },
  { raw: 'null', type: 'application/json' },
  { raw: '"text"', type: 'application/json' },
  { raw: '{"a":', type: 'application/json' },
  { raw: '{"__proto__":{"admin":true}}', type: 'application/json' },
  { raw: '{"a\\u0000":1}', type: 'application/json' },
  { raw: 'email=a%40example.org&password=x', type: 'application/x-www-form-urlencoded' },
  { raw: 'plain', type: 'text/plain' },
  { raw: '{"event":"room_started"}', type: 'application/webhook+json' },
  { raw: '{"name":"x"}', type: 'application/json; charset=utf-16le' },
];

const HOSTILE_IDS = ['not-a-uuid', '%00', '..%2F..%2Fx', '%ED%A0%80', `${'0'.repeat(36)}`, '1'];
const HOSTILE_QUERY = ['%00', '%ED%A0%80', '-1', '1e999', 'x'.repeat(300), '%FF', ''];

describe('API fuzz (e2e)', () => {
  let livekit: LiveKitGateway;
  let env: TestEnvironment;
  let api: ChildProcess;
  let http: HttpClient;
  const logLines: string[] = [];

  beforeAll(async () => {
    livekit = await new LiveKitGateway().start();
    const port = await freePort();
    env = await createTestEnvironment('fuzz', {
      env: {
        LIVEKIT_URL: livekit.url,
        LIVEKIT_PUBLIC_URL: livekit.wsUrl,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
    });
    // The compiled api as its own process, so its log is exactly what an operator would read.
    api = spawn(process.execPath, [join(import.meta.dirname, '..', 'dist/apps/api/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const collect = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      logLines.push(...lines);
    };
    api.stdout!.on('data', collect);
    api.stderr!.on('data', collect);
    http = new HttpClient(`http://127.0.0.1:${port}/api/v1`);
    livekit.webhookUrl = `${http.baseUrl}/webhooks/livekit`;
    await eventually(
      async () => (await http.get('/health').catch(() => undefined))?.status === 200,
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await livekit?.close();
    await env?.close();
  });

  it('answers every route of the OpenAPI document with no 5xx and logs no error', async () => {
    const owner = await registerUser(http, 'fuzzer');
    const { orgId, versionId } = await organizationWithCurriculum(http, owner, 'Fuzz');
    const { groupId, sessions } = await distantGroup(http, owner, orgId, versionId);
    const webinar = await http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Fuzz talk',
        description: 'About fuzz',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 10,
      },
      owner.accessToken,
    );
    expect(webinar.status).toBe(201);
    // Real ids where a route is scoped to them, so the checks behind the guards are reached too.
    const known: Record<string, string> = {
      orgId,
      groupId,
      sessionId: sessions[0].id,
      versionId,
      webinarId: webinar.body.id,
      userId: owner.user.id,
    };
    const idFor = (name: string) => known[name] ?? randomUUID();

    const document = (await fetch(`${http.baseUrl.replace('/api/v1', '')}/api/docs-json`).then(
      (response) => response.json(),
    )) as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);
    // The document declares every parameter of every path, so clients (and this test) can fill it.
    const undeclared = operations.flatMap((operation) =>
      [...operation.path.matchAll(/\{(\w+)\}/g)]
        .map((match) => match[1])
        .filter((name) => !operation.pathParams.includes(name))
        .map((name) => `${operation.method} ${operation.path}: ${name}`),
    );
    expect(undeclared).toEqual([]);

    const serverErrors: string[] = [];
    let sent = 0;
    let slowest = { ms: 0, request: '' };
    const send = async (
      operation: Operation,
      path: string,
      options: { raw?: string; type?: string; query?: string },
    ) => {
      const headers: Record<string, string> = {};
      if (options.raw !== undefined) headers['content-type'] = options.type ?? 'application/json';
      const target = `${path.replace('/api/v1', '')}${options.query ? `?${options.query}` : ''}`;
      const started = performance.now();
      const response = await http.request(operation.method, target, {
        raw: options.raw,
        token: owner.accessToken,
        headers,
      });
      sent += 1;
      const elapsed = performance.now() - started;
      if (elapsed > slowest.ms) slowest = { ms: elapsed, request: `${operation.method} ${target}` };
      if (response.status >= 500) {
        serverErrors.push(`${operation.method} ${target} ${options.raw?.slice(0, 80) ?? ''}`);
      }
    };
    const pathWith = (operation: Operation, overrides: Record<string, string> = {}) =>
      operation.path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? idFor(name));

    for (const operation of operations) {
      const validPath = pathWith(operation);
      for (const name of operation.pathParams) {
        for (const value of HOSTILE_IDS) {
          await send(operation, pathWith(operation, { [name]: value }), {});
        }
      }
      for (const name of operation.queryParams) {
        for (const value of HOSTILE_QUERY) {
          await send(operation, validPath, { query: `${name}=${value}` });
        }
        await send(operation, validPath, { query: `${name}=1&${name}=2` });
      }
      if (operation.bodyFields === undefined) continue;
      for (const { raw, type } of HOSTILE_BODIES) await send(operation, validPath, { raw, type });
      for (const field of operation.bodyFields) {
        for (const value of HOSTILE_VALUES) {
          await send(operation, validPath, { raw: JSON.stringify({ [field]: value }) });
        }
      }
    }

    expect(serverErrors).toEqual([]);
    expect(sent).toBeGreaterThan(1_000);
    // No input makes the api work for long: a stall of seconds, not a busy machine's jitter.
    if (slowest.ms > 3_000) throw new Error(`${slowest.request} took ${Math.round(slowest.ms)} ms`);
    // The api's own log: request lines of level warn (4xx) are expected, errors are not.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const parsed = logLines.flatMap((line) => {
      try {
        return [JSON.parse(line) as { level: number; msg?: string }];
      } catch {
        return [{ level: 60, msg: line }];
      }
    });
    expect(parsed.length).toBeGreaterThan(sent / 2);
    expect(parsed.filter((line) => line.level >= 50)).toEqual([]);
  }, 240_000);
});
