// make bench-memory: peak memory to import a file, per shape, as a multiple of the file's size
// (issue 17, "Memory bounded by the file": target 10x, docs/architecture.md, "Memory").
//   node bench/memory-bench.mjs DRAFT PARLEY_CLI [OUT_DIR]
// DRAFT is the normal draft (build/bench/draft-10mb.parley.json), PARLEY_CLI the native tool,
// OUT_DIR where the shapes are written (default build/bench/memory).
//
// Each file is checked by `parley validate` under /usr/bin/time -v, and its peak resident set
// (RSS) divided by the file's size. The named peer is Node's JSON.parse of the same file (peak
// RSS of `node -e 'JSON.parse(...)'`, Node's own ~45 MB baseline included). A shape PASSes when
// Parley's peak is within 10 times the file's size; the adversarial shapes made only of tiny
// objects and values Parley knows (bench/adversarial-shapes.mjs, scaled to about 20 MB) have a
// stated bound of 20 times: each value of a few bytes is a tree node while it is read and a
// member of the document after (a source of 27 bytes is 168 bytes of the model by itself).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shapes as adversarial } from './adversarial-shapes.mjs';

const [draft, cli, outDir = 'build/bench/memory'] = process.argv.slice(2);
if (!draft || !cli) {
  console.error('usage: node bench/memory-bench.mjs DRAFT PARLEY_CLI [OUT_DIR]');
  process.exit(2);
}
const TARGET = 10;
const DENSE_BOUND = 20;
const MB = 1048576;

// Writes a draft whose body is `chunk()` repeated until the file has about `bytes` bytes,
// between `open` and `close`: the unknown member "future" holds it.
function writeDraft(file, bytes, open, chunk, close) {
  if (existsSync(file) && Math.abs(statSync(file).size - bytes) < MB) return;
  const fd = openSync(file, 'w');
  writeSync(fd, '{\n  "format": "parley",\n  "version": 1,\n  "id": "d",\n  "kind": "response",\n  "title": "Memory",\n  "status": "draft",\n  "future": ' + open);
  let written = 200;
  let buf = '';
  for (let i = 0; written + buf.length < bytes; i++) {
    buf += chunk(i);
    if (buf.length > 1 << 20) { writeSync(fd, buf); written += buf.length; buf = ''; }
  }
  writeSync(fd, buf + close + '\n}\n');
  closeSync(fd);
}

function deep(i) {   // a list nested 60 levels (the limit is 64), many times over
  return (i ? ',' : '') + '['.repeat(60) + '0' + ']'.repeat(60);
}

mkdirSync(outDir, { recursive: true });
const shapes = [
  ['20 MB list of zeros in an unknown member', 'zeros-20mb.json', 20 * MB, '[', (i) => (i ? ', 0' : '0'), ']'],
  ['60 MB list of zeros in an unknown member', 'zeros-60mb.json', 60 * MB, '[', (i) => (i ? ', 0' : '0'), ']'],
  ['20 MB object of small unknown members', 'members-20mb.json', 20 * MB, '{', (i) => (i ? ',\n    "m' : '\n    "m') + i + '": ' + (i % 7), '\n  }'],
  ['20 MB of lists nested 60 deep', 'deep-20mb.json', 20 * MB, '[', deep, ']'],
];
for (const [, name, bytes, open, chunk, close] of shapes) writeDraft(join(outDir, name), bytes, open, chunk, close);

// The adversarial shapes dense in small values, with n chosen for about 20 MB (n = 100,000 gives
// the size in the comment).
const dense = [
  ['long id arrays (adversarial, dense)', 'long-id-arrays', 420000],     // 4.9 MB
  ['reference chains (adversarial, dense)', 'reference-chains', 500000], // 4.0 MB
  ['long set (adversarial, dense)', 'long-set', 420000],                 // 4.9 MB
  ['wide objects (adversarial, unknown)', 'wide-objects', 1500000],      // 1.3 MB
];
for (const [, name, n] of dense) {
  const file = join(outDir, `${name}-20mb.json`);
  if (!existsSync(file)) { const fd = openSync(file, 'w'); writeSync(fd, adversarial[name].make(n)); closeSync(fd); }
}

function peakRss(args) {
  const r = spawnSync('/usr/bin/time', ['-v', ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr || '');
  return { kb: m ? Number(m[1]) : NaN, status: r.status, out: (r.stdout || '').split('\n')[0].slice(0, 100) };
}

const rows = [['the normal 10 MB draft', resolve(draft), TARGET], ...shapes.map(([label, name]) => [label, resolve(join(outDir, name)), TARGET]),
              ...dense.map(([label, name]) => [label, resolve(join(outDir, `${name}-20mb.json`)), name === 'wide-objects' ? TARGET : DENSE_BOUND])];
console.log('Peak memory to import (parley validate), as a multiple of the file size; peer: Node JSON.parse');
console.log('shape'.padEnd(44) + 'size'.padStart(9) + 'Parley RSS'.padStart(12) + 'x size'.padStart(8) + 'Node RSS'.padStart(11) + 'x size'.padStart(8) + '  Parley/Node');
let failed = 0;
for (const [label, file, limit] of rows) {
  const size = statSync(file).size;
  const p = peakRss([resolve(cli), 'validate', file]);
  const n = peakRss([process.execPath, '--max-old-space-size=16000', '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]);
  const px = (p.kb * 1024) / size;
  const nx = (n.kb * 1024) / size;
  const pass = px <= limit;
  if (!pass) failed++;
  console.log(label.padEnd(44) + ((size / MB).toFixed(1) + ' MB').padStart(9) + ((p.kb / 1024).toFixed(0) + ' MB').padStart(12) + px.toFixed(1).padStart(8) +
              ((n.kb / 1024).toFixed(0) + ' MB').padStart(11) + nx.toFixed(1).padStart(8) + (p.kb / n.kb).toFixed(2).padStart(13) +
              (pass ? '  PASS' : '  FAIL') + (limit !== TARGET ? ` (bound ${limit}x)` : '') + (p.status > 1 ? `  (parley exit ${p.status}: ${p.out})` : ''));
}
console.log(failed ? `${failed} shape(s) over their bound` : `every shape within ${TARGET}x the file size, the dense adversarial ones within ${DENSE_BOUND}x`);
