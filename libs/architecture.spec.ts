import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The boundaries issue 13 set, checked over the source (the lint rule refuses deep imports as
 * they are written; this proves the whole tree keeps to them):
 * - other libs and the apps import a lib only through its public surface (`#groups`);
 * - queries, query builders, entity managers and data sources live in repositories (and the
 *   data layer itself, libs/database), never in services, jobs or controllers;
 * - a transaction opens in one way only, `Transactions.run` (libs/database): repositories take
 *   the `tx` they are handed or run their own through it;
 * - no service is over 400 lines.
 */
const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((file) => !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'));
}

const CODE = [...sources('libs'), ...sources('apps/api'), ...sources('apps/worker')].filter(
  (file) => !file.startsWith('libs/database/src/migrations/'),
);

describe('Architecture', () => {
  it('imports a lib from elsewhere only through its public surface', () => {
    const deep = CODE.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from '(#[a-z-]+\/[^']+)'/g)].map(
        ([, path]) => `${file}: ${path}`,
      ),
    );
    expect(deep).toEqual([]);
  });

  it('keeps queries, query builders and transactions in repositories and the data layer', () => {
    const DATA_ACCESS =
      /\b(getRepository|createQueryBuilder|createQueryRunner|EntityManager|InjectDataSource|InjectEntityManager)\b|\.query\(|\.transaction\(/;
    const outside = CODE.filter(
      (file) =>
        !file.endsWith('.repository.ts') &&
        !file.startsWith('libs/database/') &&
        DATA_ACCESS.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(outside).toEqual([]);
  });

  it('opens transactions only through Transactions', () => {
    const elsewhere = CODE.filter(
      (file) =>
        !file.startsWith('libs/database/') &&
        /\.transaction\(|\bEntityManager\b/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('has no service over 400 lines', () => {
    const long = CODE.filter((file) => file.endsWith('.service.ts'))
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });
});
