// make bench-adversarial: the adversarial shapes (bench/adversarial-shapes.mjs) against the
// normal 10 MB draft, per MB, through the command-line tool's `parley validate`.
//   node bench/adversarial-bench.mjs DRAFT PARLEY_CLI [OUT_DIR] [N]
// DRAFT is the normal draft (build/bench/draft-10mb.parley.json), PARLEY_CLI the native tool,
// OUT_DIR where the shapes are written (default build/bench/adversarial), N their repeat count
// (default 100,000).
//
// Columns: the shape, its size, Parley's seconds (median of 3 runs of `parley validate`, one
// run when a run takes over 10 s, killed at 120 s), seconds per MB, that figure over the
// normal draft's seconds per MB, and Node's JSON.parse of the same text (the named peer: no
// checks, no positions, no duplicate keys). A shape PASSes when it is at most 5 times slower
// per MB than the normal draft (issue 17). A file that is refused is still timed: refusing
// must be as cheap as reading.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { shapes, writeShapes } from './adversarial-shapes.mjs';

const [draft, cli, outDir = 'build/bench/adversarial', nArg] = process.argv.slice(2);
if (!draft || !cli) {
  console.error('usage: node bench/adversarial-bench.mjs DRAFT PARLEY_CLI [OUT_DIR] [N]');
  process.exit(2);
}
const N = Number(nArg || 100000);
const LIMIT_S = 120;
const TARGET = 5;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function timeValidate(file) {
  const times = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const r = spawnSync(resolve(cli), ['validate', file], { stdio: 'ignore', timeout: LIMIT_S * 1000 });
    const s = (performance.now() - start) / 1000;
    if (r.error || r.signal) return { s: LIMIT_S, timedOut: true };
    if (r.status !== 0 && r.status !== 1) return { s, crashed: r.status };
    times.push(s);
    if (s > 10) break;
  }
  return { s: median(times) };
}

function timeParse(file) {
  const text = readFileSync(file, 'utf8');
  const times = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    JSON.parse(text);
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

const files = writeShapes(outDir, N);
const mbOf = (f) => statSync(f).size / 1e6;
const normal = timeValidate(draft);
const normalPerMb = normal.s / mbOf(draft);

const rows = [['shape', 'MB', 'Parley s', 's/MB', 'x normal', 'JSON.parse s', 'x JSON.parse', '']];
rows.push(['normal 10 MB draft', mbOf(draft).toFixed(1), normal.s.toFixed(3), normalPerMb.toFixed(4), '1.0', timeParse(draft).toFixed(3),
           (normal.s / timeParse(draft)).toFixed(1), '']);
let failed = 0;
for (const name of Object.keys(shapes)) {
  const mb = mbOf(files[name]);
  const t = timeValidate(files[name]);
  const parse = timeParse(files[name]);
  const ratio = t.s / mb / normalPerMb;
  const pass = !t.timedOut && !t.crashed && ratio <= TARGET;
  if (!pass) failed++;
  rows.push([name, mb.toFixed(1), (t.timedOut ? '>' : '') + t.s.toFixed(3), (t.s / mb).toFixed(4), ratio.toFixed(1), parse.toFixed(3),
             (t.s / parse).toFixed(0), pass ? 'PASS' : t.crashed ? `FAIL (exit ${t.crashed})` : 'FAIL']);
}

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
console.log(`\nAdversarial shapes (n = ${N.toLocaleString('en-GB')}), parley validate, native; target: at most ${TARGET}x the normal draft's seconds per MB`);
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
console.log(failed ? `adversarial: ${failed} of ${Object.keys(shapes).length} shapes FAIL` : `adversarial: all ${Object.keys(shapes).length} shapes PASS`);
process.exitCode = 0;   // a figure, not a test: make bench goes on to its other parts
