// make bench, diff part: Parley's word diff against jsdiff and diff-match-patch, in one
// Chromium page, on two pairs of 100,000-word texts (bench/make-text.mjs), plus the native
// figures. Prints one table per pair.
//   node bench/diff-bench.mjs TEXTS WASM_MODULE NATIVE_BENCH PARLEY_CLI
// TEXTS is the folder make-text.mjs wrote (build/bench/diff), WASM_MODULE the web build of the
// diff (build/wasm/bench/parley_bench_diff.js), NATIVE_BENCH parley_bench_diff_native, and
// PARLEY_CLI the command-line tool (build/native/parley), whose `parley diff` is timed on the
// same texts as Parley documents.
//
// What is timed (performance.now() in the page, the same way for every engine):
//   Parley WASM     copy both texts into wasm memory as UTF-8 + diff_text (moves and clean-up
//                   on, the defaults); 2 warm-ups, median of 5. The diff alone is shown too,
//                   and the first run (on the first pair: wasm code not yet optimised by V8).
//   jsdiff          Diff.diffWords(a, b) (npm `diff`), once after a warm-up on a tenth of the
//                   texts: a run takes seconds to many minutes. Past LIMIT_S seconds
//                   (BENCH_DIFF_LIMIT_S, default 60) jsdiff's own `timeout` option makes it
//                   give up, and the time is shown as "> limit".
//   dmp             diff-match-patch in word mode (tokens mapped to characters, Diff_Timeout = 0,
//                   diff_main(chars1, chars2, false), characters mapped back), all timed, in a
//                   worker of the page so that a run past LIMIT_S can be stopped ("> limit");
//                   median of 3, or 1 run when the first takes over 15 s.
// The ratios divide the JavaScript libraries' times by Parley's diff_text call (the texts
// already in wasm memory, as in the app, where documents live in C++); the same ratios with
// the copy into wasm memory counted are printed too.
//   Parley native   diff_text in C++ (parley_bench_diff_native, -O2), median of 5.
//   parley diff     the CLI on the two texts as .parley.json documents: a whole process
//                   (read, import both documents, diff, print), median of 5.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [textDir, wasmModule, nativeBench, cli] = process.argv.slice(2);
if (!textDir || !wasmModule || !nativeBench || !cli) {
  console.error('usage: node bench/diff-bench.mjs TEXTS WASM_MODULE NATIVE_BENCH PARLEY_CLI');
  process.exit(2);
}
const LIMIT_S = Number(process.env.BENCH_DIFF_LIMIT_S || 60);
const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
const { chromium } = createRequire(path.join(HERE, 'diff/package.json'))('playwright-core');

const PAIRS = [
  ['b-scattered', 'scattered edits'],
  ['b-rewritten', 'second half rewritten'],
];
const info = JSON.parse(fs.readFileSync(path.join(textDir, 'texts.json'), 'utf8'));
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const say = (s) => process.stderr.write(`diff bench: ${s}\n`);

// ---------------------------------------------------------------------------------------
// Native, first, while nothing else runs.

const native = {}, cliTimes = {};
for (const [pair] of PAIRS) {
  say(`native diff_text on a / ${pair}`);
  // Exit status 1 when apply_diff does not give b back: still a result to report.
  const r = spawnSync(path.resolve(nativeBench), [path.join(textDir, 'a.txt'), path.join(textDir, `${pair}.txt`), '--json'], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${nativeBench} failed (exit ${r.status}): ${r.stderr}`);
  native[pair] = JSON.parse(r.stdout);
}

// `parley diff A B`: 0 identical, 1 different, 2 usage or read error. Timed as a whole
// process on the documents (and on the plain texts too, if it takes them).
const cliRun = (a, b) => spawnSync(path.resolve(cli), ['diff', a, b], { encoding: 'utf8', maxBuffer: 1 << 30 });
const cliProbe = cliRun(path.join(textDir, 'a.parley.json'), path.join(textDir, 'a.parley.json'));
const cliHasDiff = cliProbe.status === 0;
if (!cliHasDiff) say(`"parley diff" is not available (exit ${cliProbe.status}: ${(cliProbe.stderr || '').split('\n')[0]}); CLI not timed`);
function timeCli(a, b) {
  const times = [];
  let status;
  for (let i = 0; i <= 5; i++) {
    const t0 = performance.now();
    const r = cliRun(a, b);
    const ms = performance.now() - t0;
    status = r.status;
    if (r.status !== 1) return { status, error: (r.stderr || '').split('\n')[0] };
    if (i > 0) times.push(ms);
  }
  return { status, times };
}
if (cliHasDiff) {
  for (const [pair] of PAIRS) {
    say(`parley diff on a / ${pair} (.parley.json)`);
    cliTimes[pair] = { doc: timeCli(path.join(textDir, 'a.parley.json'), path.join(textDir, `${pair}.parley.json`)) };
    // Plain texts too, if it takes them (it may take Parley documents only).
    const txt = timeCli(path.join(textDir, 'a.txt'), path.join(textDir, `${pair}.txt`));
    if (txt.times) cliTimes[pair].txt = txt;
  }
}

// ---------------------------------------------------------------------------------------
// The page: bench/diff.html, the npm libraries, the wasm and the texts on 127.0.0.1.

const MOUNTS = [
  ['/npm/', path.join(HERE, 'diff/node_modules')],
  ['/wasm/', path.dirname(path.resolve(wasmModule))],
  ['/texts/', path.resolve(textDir)],
  ['/', HERE],
];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  const [prefix, root] = MOUNTS.find(([p]) => url.startsWith(p));
  const file = path.join(root, url.slice(prefix.length));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-diff-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--mute-audio'],
});
const results = {};
let browserVersion = '';
try {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`http://127.0.0.1:${server.address().port}/diff.html`);
  const ready = await page.evaluate(() => window.bench.init());
  browserVersion = (ready.userAgent.match(/Chrome\/[\d.]+/) || ['Chromium'])[0].replace('Chrome', 'Chromium');
  for (const [pair, label] of PAIRS) {
    say(`${label}: Parley WASM`);
    const p = await page.evaluate((pr) => window.bench.parley(pr, 5, 2), pair);
    say(`${label}: diff-match-patch (word mode, up to ${LIMIT_S} s)`);
    const d = await page.evaluate(([pr, limit]) => window.bench.dmp(pr, 3, 15000, limit), [pair, LIMIT_S * 1000]);
    say(`${label}: jsdiff diffWords (up to ${LIMIT_S} s)`);
    const j = await page.evaluate(([pr, limit]) => window.bench.jsdiff(pr, limit), [pair, LIMIT_S * 1000]);
    results[pair] = { parley: p, dmp: d, jsdiff: j };
  }
  if (problems.length) throw new Error(`the page reported: ${problems.join('; ')}`);
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  server.close();
}

// ---------------------------------------------------------------------------------------
// Report

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const n = (v) => v.toLocaleString('en-GB');
const hunk = (m) => `${n(m.biggest)} (-${n(m.biggest_deleted)} +${n(m.biggest_inserted)})`;
const row = (name, time, how, m) => console.log(
  `${name.padEnd(22)}${time.padStart(10)}  ${how.padEnd(24)}` +
  (m ? `${`-${n(m.deleted)} +${n(m.inserted)}`.padStart(16)}${(m.moved ? n(m.moved) : '-').padStart(7)}` +
    (m.hunks === undefined ? '' : `${n(m.hunks).padStart(7)}  ${hunk(m)}`) : '').trimEnd());

console.log(`Parley diff bench: Parley's word diff (WASM) vs jsdiff ${readVersion('diff')} diffWords and diff-match-patch ${readVersion('diff-match-patch')} (word mode), in ${browserVersion} headless`);
console.log(`texts: ${textDir}/a.txt, ${n(info.words.a)} words, ${n(info.bytes.a)} bytes, vocabulary of ${n(info.vocabulary)} words (bench/make-text.mjs, fixed seed)`);
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0].model.trim()}, load average ${os.loadavg()[0].toFixed(2)} over the last minute (figures from a busy machine are unreliable)`);
const misses = [];
for (const [pair, label] of PAIRS) {
  const r = results[pair], e = info.scattered_edits;
  const nat = native[pair];
  const what = pair === 'b-scattered'
    ? `${n(e.changed_words)} words edited (${(100 * e.changed_words / info.words.a).toFixed(1)} %) in scattered edits, ${e.moved_paragraphs} paragraphs (${n(e.moved_words)} words) moved`
    : `first ${n(info.rewritten_kept_words)} words kept, the rest new text (${n(info.words[pair])} words in all)`;
  console.log('');
  console.log(`a -> ${pair}.txt: ${label}: ${what}`);
  console.log(`${'engine'.padEnd(22)}${'time'.padStart(10)}  ${'timed as'.padEnd(24)}${'words -del +ins'.padStart(16)}${'moved'.padStart(7)}${'hunks'.padStart(7)}  biggest hunk, words`);
  const parleyMs = median(r.parley.total);
  row('Parley WASM', ms(parleyMs), 'median of 5 (copy+diff)', r.parley.measure);
  row('  of which diff_text', ms(median(r.parley.diff)), 'median of 5');
  row('  first run', ms(r.parley.warm[0]), pair === PAIRS[0][0] ? 'copy+diff, cold wasm' : 'copy+diff');
  const dmpMs = median(r.dmp.times);
  row('diff-match-patch', `${r.dmp.gave_up ? '> ' : ''}${ms(dmpMs)}`,
    r.dmp.gave_up ? `1 run, stopped at ${LIMIT_S} s` : r.dmp.times.length > 1 ? `median of ${r.dmp.times.length}` : '1 run (took > 15 s)', r.dmp.measure);
  row('jsdiff diffWords', `${r.jsdiff.gave_up ? '> ' : ''}${ms(r.jsdiff.ms)}`, r.jsdiff.gave_up ? `1 run, gave up at ${LIMIT_S} s` : '1 run', r.jsdiff.measure);
  row('Parley native', ms(nat.median_ms), 'median of 5 (diff_text)');
  if (cliHasDiff) {
    for (const [kind, name] of [['doc', 'parley diff .json'], ['txt', 'parley diff .txt']]) {
      const c = cliTimes[pair][kind];
      if (!c) continue;
      if (c.times) row(name, ms(median(c.times)), 'median of 5, process');
      else row(name, 'n/a', `exit ${c.status}: ${c.error}`.slice(0, 60));
    }
  } else {
    row('parley diff (CLI)', 'n/a', 'no `parley diff` yet');
  }
  console.log(`Parley's own counts: ${n(r.parley.stats.words_deleted)} words deleted, ${n(r.parley.stats.words_inserted)} inserted, ` +
    `${r.parley.stats.moves} moves, ${n(r.parley.stats.pieces)} pieces; apply_diff gives b back: wasm ${r.parley.sound ? 'yes' : 'NO'}, native ${nat.sound ? 'yes' : 'NO'}`);
  const diffMs = median(r.parley.diff);
  const x = (other, by) => { const v = other / by; return `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}x`; };
  const ratio = (other, gaveUp, target, name) => {
    const verdict = other / diffMs >= target ? 'PASS' : 'MISS';
    if (verdict === 'MISS') misses.push(`${pair}: ${name} ${x(other, diffMs)} < ${target}x`);
    return `${name}/Parley ${gaveUp ? 'over ' : ''}${x(other, diffMs)} (target ${target}x: ${verdict})`;
  };
  console.log(`ratios to Parley's diff_text call: ${ratio(r.jsdiff.ms, r.jsdiff.gave_up, 100, 'jsdiff')}, ${ratio(dmpMs, r.dmp.gave_up, 10, 'dmp')}; ` +
    `with the copy into wasm counted: ${x(r.jsdiff.ms, parleyMs)}, ${x(dmpMs, parleyMs)}`);
  if (!r.parley.sound || !nat.sound) process.exitCode = 1;
}
console.log('');
console.log('hunk: a run of deleted and inserted words not broken by an unchanged word; moved blocks (Parley) are not hunks.');
console.log(misses.length ? `targets missed: ${misses.join('; ')}` : 'targets (100x jsdiff, 10x diff-match-patch): met on both pairs');

function readVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(HERE, 'diff/node_modules', name, 'package.json'), 'utf8')).version;
}
