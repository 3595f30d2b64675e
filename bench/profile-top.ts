/**
 * What dominates a V8 CPU profile (`--cpu-prof`, e.g. `npm run bench -- --quick --cpu-prof`):
 * self time by function and by package or source folder, largest first.
 *   node --import tsx bench/profile-top.ts .tmp/bench-prof/<file>.cpuprofile [top=25] [scenario]
 * With a scenario name (login, wizard, wizard-burst, deadline), only the samples taken while bench/run.ts
 * ran it (.tmp/bench-prof/windows.json, monotonic microseconds, the clock V8's profile uses) are counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg, scenario] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };
const windows = scenario ? (JSON.parse(readFileSync(path.join(path.dirname(file), 'windows.json'), 'utf8')) as Record<string, [number, number]>) : {};
const window = scenario ? windows[scenario] : undefined;
if (scenario && !window) throw new Error(`no window "${scenario}" in windows.json: ${Object.keys(windows).join(', ')}`);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let at = prof.startTime;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  at += dt;
  if (window && (at < window[0] || at > window[1])) return;
  self.set(id, (self.get(id) ?? 0) + dt);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (url: string): string => {
  if (!url) return '(native/V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/(src|bench|test)\/(.*)\/[^/]+$/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^.*\//, '');
};
const fn = new Map<string, number>();
const pkg = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${f.url ? `${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}` : ''}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const w = f.functionName === '(garbage collector)' ? '(garbage collector)' : f.functionName === '(idle)' ? '(idle)' : where(f.url);
  pkg.set(w, (pkg.get(w) ?? 0) + us);
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
// inclusive time of the project's own functions (src/): each function counted once per sample it is on the stack of
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame;
    const m = /\/(src\/.*)$/.exec(f.url);
    if (!m) continue;
    const key = `${f.functionName || '(anonymous)'}  ${m[1]}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
console.log(`${file}${scenario ? ` (${scenario})` : ''}: ${(total / 1e6).toFixed(1)} s sampled`);
show('by package / source folder (self time)', pkg);
show('by function (self time)', fn);
show('src/ functions, inclusive (self + what they call)', inclusive);
