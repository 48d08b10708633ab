/**
 * Records every platform-specific optional dependency in package-lock.json.
 *
 * npm 11 leaves these entries out when the registry it talks to lacks the other platforms'
 * packages (npm/cli#9342), and `npm ci` then refuses the lock file ("Missing: … from lock
 * file"). An entry with the version and `optional: true` is enough: on each platform npm
 * installs the package that fits and skips the others. Run after `npm install`:
 *   npm run lockfile:fix
 */
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`] || packages[`${path}/node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = meta.dev
      ? { version, dev: true, optional: true }
      : { version, optional: true };
    added++;
  }
}
const rootFirst = ([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b));
lock.packages = Object.fromEntries(Object.entries(packages).sort(rootFirst));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: ${added} optional platform entries added\n`);
