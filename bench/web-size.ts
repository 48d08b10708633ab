/**
 * The JavaScript the web app's first screen loads, gzip-compressed: the entry chunk and the
 * chunks it imports statically (lazy ones, like the room, load later). Budget: 250 KB.
 * Prints one JSON line. Run: npm run bench:web-size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '#common';

type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

const root = join(projectRoot(), 'dist', 'web');
const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;
const gzip = (file: string) => gzipSync(readFileSync(join(root, file))).length;

const firstScreen = new Set<string>();
const visit = (key: string) => {
  if (firstScreen.has(key)) return;
  firstScreen.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
const lazy = Object.keys(manifest).filter(
  (key) => !firstScreen.has(key) && manifest[key].file.endsWith('.js'),
);

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const firstScreenBytes = [...firstScreen].reduce((sum, key) => sum + gzip(manifest[key].file), 0);
const lazyBytes = lazy.reduce((sum, key) => sum + gzip(manifest[key].file), 0);
process.stdout.write(
  `${JSON.stringify({
    bench: 'web-size',
    firstScreenJsGzipKb: kb(firstScreenBytes),
    budgetKb: 250,
    withinBudget: firstScreenBytes <= 250 * 1024,
    lazyJsGzipKb: kb(lazyBytes),
    chunks: firstScreen.size + lazy.length,
  })}\n`,
);
