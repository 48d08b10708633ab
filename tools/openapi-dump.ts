/**
 * `npm run api:client`: writes the api's OpenAPI document to apps/web/src/api/openapi.json, from
 * which the web app's client types are generated. No database, no listening socket. With
 * `--check` it writes nothing and fails when the committed document differs (CI, `npm run lint`).
 * Either way it fails when an operation does not describe its answer.
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '#common';
import { buildOpenApiDocumentOffline, undescribedAnswers } from '../apps/api/src/openapi.js';

const TARGET = join(projectRoot(), 'apps', 'web', 'src', 'api', 'openapi.json');

const document = await buildOpenApiDocumentOffline();
const undescribed = undescribedAnswers(document);
if (undescribed.length > 0) {
  process.stderr.write(
    `These operations do not describe their answer (see ApiAnswer in apps/api/src/common/api-answer.ts):\n  ${undescribed.join('\n  ')}\n`,
  );
  process.exit(1);
}
const text = `${JSON.stringify(document, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = await readFile(TARGET, 'utf8').catch(() => '');
  if (committed !== text) {
    process.stderr.write(
      `${TARGET} is stale: the api's routes or answers changed. Run npm run api:client and commit the result.\n`,
    );
    process.exit(1);
  }
} else {
  await writeFile(TARGET, text);
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  process.stdout.write(`${TARGET}: ${operations} operations\n`);
}
