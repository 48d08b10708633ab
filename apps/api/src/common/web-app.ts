import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import type {} from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { projectRoot } from '#common';
import { API_PREFIX } from './api-prefix.js';

/** Where `vite build apps/web` puts the web app. */
export function webAppRoot(): string {
  return join(projectRoot(), 'dist', 'web');
}

/**
 * A page of the web app asked for by its own address (/groups/…, reloaded or opened from a link):
 * an HTML GET outside the api with no file extension that no file answered. It gets the app's
 * index.html, whose router shows the page; everything else keeps its JSON 404.
 */
export function isAppPage(error: unknown, request: FastifyRequest): boolean {
  if (!(error instanceof NotFoundException)) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0];
  if (path.startsWith(`/${API_PREFIX}`) || extname(path)) return false;
  return (
    (request.headers.accept ?? '').includes('text/html') &&
    existsSync(join(webAppRoot(), 'index.html'))
  );
}

export function sendAppPage(reply: FastifyReply): void {
  void reply.status(200).header('cache-control', 'no-cache').sendFile('index.html', webAppRoot());
}
