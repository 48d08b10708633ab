/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`, or BENCH_CPU_PROFILE=<dir> on a bench) and
 * prints where the time went: the functions with the most self time and the most total time
 * (each function counted once per stack), and self time by package.
 *   node dist/bench/profile-top.js <file.cpuprofile> [rows]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, rowsArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top <file.cpuprofile> [rows]');
const rows = Number(rowsArgument ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '');
const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
};
const packageOf = (node: ProfileNode) => {
  const { url, functionName } = node.callFrame;
  if (!url) return `(${functionName || 'native'})`;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return 'node:*';
  const ours = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  return ours ? ours[1] : shortUrl(url);
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const packages = new Map<string, number>();
let all = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  all += micros;
  if (['(idle)', '(program)'].includes(node.callFrame.functionName)) idle += micros;
  self.set(label(node), (self.get(label(node)) ?? 0) + micros);
  packages.set(packageOf(node), (packages.get(packageOf(node)) ?? 0) + micros);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + micros);
  }
});

const ms = (micros: number) => (micros / 1000).toFixed(0).padStart(7);
const share = (micros: number) => `${((100 * micros) / all).toFixed(1).padStart(5)}%`;
const top = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, micros]) => `${ms(micros)} ms ${share(micros)}  ${name}`)
    .join('\n');

process.stdout.write(
  [
    `${file}: ${(all / 1e6).toFixed(2)} s sampled, ${share(idle)} idle or (program)`,
    '',
    'self time by package',
    top(packages),
    '',
    'self time by function',
    top(self),
    '',
    'total time by function',
    top(total),
    '',
  ].join('\n'),
);
