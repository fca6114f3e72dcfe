// make bench, pathological diffs: pairs of texts built to make a word diff do n x m work, and
// how long Parley takes on them with its work budget (word_diff.h, DiffOptions::work_budget)
// against git's word diff on the same texts.
//   node bench/pathological-diff.mjs OUTDIR PARLEY_CLI [--no-view] [--only NAME]
// OUTDIR gets each pair as plain texts (NAME-a.txt, NAME-b.txt) and as minimal Parley drafts
// whose one section holds the text (NAME-a.parley.json, NAME-b.parley.json).
//
// The pairs (words from a vocabulary of 2,000, drawn with a fixed seed; a paragraph break
// every 100 words):
//   swapped-100k  100,000 words; b swaps every two adjacent two-word blocks ("a b c d" ->
//                 "c d a b"): every word still there, hardly any run of four tokens in place
//   swapped-1m    the same with 1,000,000 words (about 7 MB a text)
//   soup-reversed 100,000 random words; b is the same words in reverse order
//   repeated      100,000 words from a vocabulary of three ("yes", "no", "maybe"), b another
//                 such draw: every word occurs tens of thousands of times
//
// Timed, per pair:
//   parley diff   the CLI on the two drafts, a whole process (read, import, diff, print), one
//                 run (the old engine took from seconds to minutes here); its note on stderr
//                 says whether the result was coarse
//   git diff      `git diff --no-index --word-diff=plain` on the plain texts, one run, stopped
//                 at LIMIT_S (BENCH_PATHOLOGICAL_LIMIT_S, default 60)
//   compare view  (unless --no-view) the slowest frame of the app (window.parley.stats().maxUiMs)
//                 from choosing the older draft in Compare > With another version... until the
//                 comparison is drawn, in Chromium with software WebGL (PARLEY_SITE, as the
//                 browser tests); the 1M-word pair is left out there (two 7 MB drafts in one tab
//                 are the memory part's business). Target: no frame over 250 ms.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prng } from './prng.mjs';

const args = process.argv.slice(2);
const outDir = args[0], cli = args[1];
if (!outDir || !cli) {
  console.error('usage: node bench/pathological-diff.mjs OUTDIR PARLEY_CLI [--no-view] [--only NAME]');
  process.exit(2);
}
const noView = args.includes('--no-view');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const LIMIT_S = Number(process.env.BENCH_PATHOLOGICAL_LIMIT_S || 60);
const say = (s) => process.stderr.write(`pathological diff bench: ${s}\n`);

// Made-up words that tokenize as one word each: "bavo", "kelitu", ...
function vocabulary(size, random) {
  const syll = ['ba', 'ke', 'li', 'mo', 'nu', 'ra', 'si', 'to', 'vo', 'we', 'da', 'fi', 'go', 'hu', 'pe', 'zu'];
  const seen = new Set();
  while (seen.size < size) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += syll[Math.floor(random() * syll.length)];
    seen.add(w);
  }
  return [...seen];
}

function draw(count, vocab, random) {
  const words = new Array(count);
  for (let i = 0; i < count; i++) words[i] = vocab[Math.floor(random() * vocab.length)];
  return words;
}

// Words to prose: a paragraph break every 100 words, a full stop at each paragraph's end.
function render(words) {
  const paras = [];
  for (let i = 0; i < words.length; i += 100) paras.push(words.slice(i, i + 100).join(' ') + '.');
  return paras.join('\n\n');
}

function swapPairs(words) {
  const out = words.slice();
  for (let i = 0; i + 4 <= out.length; i += 4) {
    const [a, b, c, d] = out.slice(i, i + 4);
    out[i] = c; out[i + 1] = d; out[i + 2] = a; out[i + 3] = b;
  }
  return out;
}

export function makePairs() {
  const random = prng(0x0bad5eed);
  const vocab = vocabulary(2000, random);
  const pairs = [];
  const words100k = draw(100000, vocab, random);
  pairs.push({ name: 'swapped-100k', what: '100,000 words, adjacent two-word blocks swapped', a: words100k, b: swapPairs(words100k) });
  const words1m = draw(1000000, vocab, random);
  pairs.push({ name: 'swapped-1m', what: '1,000,000 words, adjacent two-word blocks swapped', a: words1m, b: swapPairs(words1m), noView: true });
  const soup = draw(100000, vocab, random);
  pairs.push({ name: 'soup-reversed', what: '100,000 random words against the same reversed', a: soup, b: soup.slice().reverse() });
  const three = ['yes', 'no', 'maybe'];
  pairs.push({ name: 'repeated', what: '100,000 words of three, against another such draw', a: draw(100000, three, random), b: draw(100000, three, random) });
  return pairs;
}

function writeDraft(file, text) {
  const doc = {
    format: 'parley', version: 1, id: 'doc-pathological-diff', kind: 'response',
    title: 'Pathological diff benchmark', status: 'draft',
    sections: [{ id: 'sec-body', heading: 'The whole text', body: text }],
  };
  fs.writeFileSync(file, JSON.stringify(doc) + '\n');
}

const pairs = makePairs().filter((p) => !only || p.name === only);
fs.mkdirSync(outDir, { recursive: true });
for (const p of pairs) {
  for (const side of ['a', 'b']) {
    const text = render(p[side]);
    fs.writeFileSync(path.join(outDir, `${p.name}-${side}.txt`), text + '\n');
    writeDraft(path.join(outDir, `${p.name}-${side}.parley.json`), text);
  }
}

// ---------------------------------------------------------------------------------------
// Native: the CLI and git, one run each.

const results = {};
for (const p of pairs) {
  const r = (results[p.name] = {});
  say(`${p.name}: parley diff`);
  let t0 = performance.now();
  const run = spawnSync(path.resolve(cli), ['diff', path.join(outDir, `${p.name}-a.parley.json`), path.join(outDir, `${p.name}-b.parley.json`)],
    { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 1000 * 600 });
  r.cliMs = performance.now() - t0;
  r.cliStatus = run.status;
  r.cliNote = (run.stderr || '').split('\n').find((l) => /word by word/i.test(l)) || '';
  say(`${p.name}: git diff --word-diff (up to ${LIMIT_S} s)`);
  t0 = performance.now();
  const git = spawnSync('git', ['diff', '--no-index', '--word-diff=plain', path.join(outDir, `${p.name}-a.txt`), path.join(outDir, `${p.name}-b.txt`)],
    { encoding: 'utf8', maxBuffer: 1 << 30, timeout: LIMIT_S * 1000 });
  r.gitMs = performance.now() - t0;
  r.gitGaveUp = git.signal !== null || git.error !== undefined;
}

// ---------------------------------------------------------------------------------------
// The compare view: the slowest frame from choosing the file to the drawn comparison.

if (!noView) {
  const { launch, startServer, openParley, compareWithVersion, items, settled } = await import('../tests/browser/helpers.mjs');
  const { context, close } = await launch();
  const server = await startServer();
  try {
    for (const p of pairs.filter((q) => !q.noView)) {
      say(`${p.name}: compare view`);
      const { page } = await openParley(context, server.url, { viewport: { width: 1280, height: 900 } });
      const loaded = await page.evaluate((t) => window.parley.load(t).ok, fs.readFileSync(path.join(outDir, `${p.name}-b.parley.json`), 'utf8'));
      if (!loaded) throw new Error(`${p.name}-b did not load`);
      const { start } = await compareWithVersion(page, path.join(outDir, `${p.name}-a.parley.json`));
      let note;
      for (;;) {
        const all = await items(page);
        if (all.find((it) => it.name.endsWith('##compare/summary'))) {
          note = all.find((it) => it.name.includes('##compare/coarse'));
          break;
        }
        if (Date.now() - start > 300000) throw new Error('no comparison after five minutes');
        await page.waitForTimeout(20);
      }
      await settled(page);
      const r = results[p.name];
      r.viewMs = Date.now() - start;
      const slowest = (await page.evaluate(() => window.parley.stats())).maxUiMs;
      r.viewMaxFrame = slowest;
      r.viewNote = note ? note.label : '';
      await page.close();
    }
  } finally {
    await server.close();
    await close();
  }
}

// ---------------------------------------------------------------------------------------
// Report

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
console.log('\nPathological diffs: parley diff (native CLI, whole process) vs git diff --no-index --word-diff=plain, and the compare view\'s slowest frame');
console.log(`${'pair'.padEnd(16)}${'parley diff'.padStart(12)}${'git diff'.padStart(12)}${'git/parley'.padStart(12)}  ${'view: chosen->drawn, slowest frame'.padEnd(36)}coarse?`);
let miss = false;
for (const p of pairs) {
  const r = results[p.name];
  const ratio = r.gitGaveUp ? `>${(r.gitMs / r.cliMs).toFixed(1)}x` : `${(r.gitMs / r.cliMs).toFixed(1)}x`;
  const view = r.viewMaxFrame === undefined ? '-' : `${ms(r.viewMs)}, ${Number.isNaN(r.viewMaxFrame) ? 'n/a' : ms(r.viewMaxFrame)}`;
  if (r.viewMaxFrame > 250) miss = true;
  console.log(`${p.name.padEnd(16)}${ms(r.cliMs).padStart(12)}${((r.gitGaveUp ? '> ' : '') + ms(r.gitMs)).padStart(12)}${ratio.padStart(12)}  ${view.padEnd(36)}` +
    `${r.cliNote ? 'yes (CLI note)' : 'no'}${r.viewNote ? ', view note' : ''}`);
  console.log(`${''.padEnd(16)}${p.what}${r.cliStatus === 1 ? '' : ` (parley diff exit ${r.cliStatus})`}`);
}
console.log(noView ? 'compare view not measured (--no-view)' : `target: no frame over 250 ms: ${miss ? 'MISSED' : 'met'}`);
