import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '#config';
import { ApiModule } from './api.module.js';
import { API_PREFIX } from './common/api-prefix.js';
import { ErrorBody } from './common/error-response.filter.js';

/**
 * The OpenAPI document of the api's routes. The running api serves it at /api/docs and the
 * web app's client is generated from it (tools/openapi-dump.ts): both build it here.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hearth API')
      .setDescription('Therapist-led group sessions: see API.md for the contract')
      .setVersion('1')
      .addBearerAuth()
      // The exception filter answers every error in this one shape.
      .addGlobalResponse(
        { status: '4XX', description: 'The request was refused', type: ErrorBody },
        { status: '5XX', description: 'The api failed; a 500 has an `errorId`', type: ErrorBody },
      )
      .build(),
  );
}

/**
 * The document without a database, queues or a listening socket: Nest's preview mode resolves
 * the modules and their routes but creates no provider, so nothing connects anywhere.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  // Placeholders that pass validation; preview mode never uses them.
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    JWT_SECRET: 'openapi-document-only-never-signs-anything',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * The operations whose success answer the document does not describe, as `POST /path (201)`:
 * each needs a 2xx response, with a schema unless it is a 204 (which has no body).
 */
export function undescribedAnswers(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const answers = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
      if (answers.length === 0) problems.push(`${name} (no 2xx answer)`);
      for (const [status, answer] of answers) {
        const content = answer && 'content' in answer ? Object.values(answer.content ?? {}) : [];
        const described =
          status === '204'
            ? content.length === 0
            : content.length > 0 && content.every((c) => c.schema);
        if (!described) problems.push(`${name} (${status})`);
      }
    }
  }
  return problems;
}
