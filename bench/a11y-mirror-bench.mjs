// make bench, accessibility part: what the screen-reader mirror (src/ui/a11y_mirror.h,
// web/mirror.js) costs a frame, and its size, on the largest example, a 40-question response
// and the 10 MB draft.
//   node bench/a11y-mirror-bench.mjs DRAFT_10MB
//
// In Debian's Chromium (software WebGL, as the browser tests use): each draft is loaded, the
// page scrolled down with the mouse wheel a notch at a time, then a field is typed in. After
// each step: the mirror's build and diff in the app (window.parley.stats().mirrorMs), applying
// its changes to the DOM (mirrorApplyMs), its node count, and the work it left to its own
// animation frames after the app's (mirrorLateMs: elements out of view, positions; budgeted); the named peer is the app's own work
// in the same frame (lastUiMs: ImGui's layout and draw lists), so the ratio says what the
// mirror adds to a frame. Then the page is left alone: an idle page must draw no frame and
// write nothing to the DOM.
// Target (issue 14): mirror under 1 ms a frame on average and under 2 ms at worst in the example.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, startServer, openParley, items, settled, ROOT } from '../tests/browser/helpers.mjs';

const draft10 = process.argv[2];
if (!draft10) { console.error('usage: node bench/a11y-mirror-bench.mjs DRAFT_10MB'); process.exit(2); }

const examplesDir = path.join(ROOT, 'assets/examples');
const largest = fs.readdirSync(examplesDir).map((f) => path.join(examplesDir, f))
  .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];

// A 40-question joint response: the joint response example's questions and answers five times
// over, each copy with its own ids (history and comments left out: they name the originals).
function fortyQuestions() {
  const d = JSON.parse(fs.readFileSync(path.join(examplesDir, 'jtai-joint-response.parley.json'), 'utf8'));
  const questions = [], answers = [];
  for (let copy = 0; copy < 5; copy++) {
    const tag = copy ? `-c${copy}` : '';
    for (const q of d.questions) questions.push({ ...q, id: q.id + tag, number: q.number ? `${q.number}${tag}` : q.number });
    for (const a of d.answers) {
      const renamed = JSON.parse(JSON.stringify(a), (k, v) => (k === 'id' && typeof v === 'string' ? v + tag : v));
      renamed.question = a.question + tag;
      answers.push(renamed);
    }
  }
  const out = { ...d, id: d.id + '-forty', questions, answers, comments: [], revisions: [] };
  const file = path.join(os.tmpdir(), 'parley-forty-questions.parley.json');
  fs.writeFileSync(file, JSON.stringify(out));
  return file;
}

const stats = (page) => page.evaluate(() => window.parley.stats());
const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;

async function measure(page, name, file) {
  const r = await page.evaluate((t) => window.parley.load(t), fs.readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${name} did not load: ${JSON.stringify(r.errors?.slice(0, 3))}`);
  await settled(page);
  const win = (await items(page)).find((it) => (it.window.startsWith('Document/Page') || it.window.startsWith('Workshop')) && it.label === it.window) ||
              { x: 300, y: 40, w: 900, h: 700 };
  await page.mouse.move(win.x + win.w / 2, win.y + win.h / 2);
  const build = [], apply = [], ui = [], nodes = [], late = [];
  let lates = (await stats(page)).mirrorLates;
  const record = async () => {
    const s = await stats(page);
    build.push(s.mirrorMs); apply.push(s.mirrorApplyMs); ui.push(s.lastUiMs); nodes.push(s.mirrorNodes);
    if (s.mirrorLates !== lates) { late.push(s.mirrorLateMs); lates = s.mirrorLates; }   // the last of the mirror's own frames since
  };
  for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, 300); await settled(page); await record(); }
  await page.keyboard.press('Tab');   // into the page's next control, then type there
  await settled(page);
  for (const ch of 'mirror') { await page.keyboard.type(ch); await settled(page); await record(); }
  // Idle: nothing happens for two seconds; no frame is drawn, nothing reaches the DOM.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500);   // the autosave's own frame, if any, passes first
  const before = await stats(page);
  await page.waitForTimeout(2000);
  const after = await stats(page);
  const total = build.map((b, i) => b + apply[i]);
  return {
    name, nodes: Math.max(...nodes), build: mean(build), buildMax: Math.max(...build), apply: mean(apply), applyMax: Math.max(...apply),
    total: mean(total), totalMax: Math.max(...total), ui: mean(ui), lateMax: late.length ? Math.max(...late) : 0, lateSteps: late.length,
    idleFrames: after.frames - before.frames, idleWrites: after.mirrorApplies - before.mirrorApplies,
  };
}

const { context, close } = await launch();
const server = await startServer();
const rows = [];
try {
  for (const [name, file] of [[`largest example (${path.basename(largest)})`, largest], ['40-question joint response', fortyQuestions()],
                              ['10 MB draft (709 questions, 60 regimes)', draft10]]) {
    const { page } = await openParley(context, server.url, { viewport: { width: 1280, height: 900 } });
    rows.push(await measure(page, name, file));
    await page.close();
  }
} finally {
  await close();
  await server.close();
}

console.log('\nThe accessibility mirror a frame, scrolling and typing (Chromium, software WebGL)');
console.log('draft                                                 nodes   build+diff (avg/max)   DOM (avg/max)      total (avg/max)    app frame (peer)  ratio  idle frames/DOM writes  late frames (steps, max)');
for (const r of rows) {
  const f = (a, b) => `${a.toFixed(2)} / ${b.toFixed(2)} ms`.padStart(19);
  console.log(`${r.name.padEnd(52)}${String(r.nodes).padStart(6)}  ${f(r.build, r.buildMax)}  ${f(r.apply, r.applyMax)}  ${f(r.total, r.totalMax)}   ${(r.ui.toFixed(2) + ' ms').padStart(10)}   ${(r.total / r.ui).toFixed(2)}x   ${r.idleFrames} / ${r.idleWrites}                ${r.lateSteps}, ${r.lateMax.toFixed(2)} ms`);
}
const ex = rows[0];
console.log(`target: under 1 ms a frame on average (${ex.total.toFixed(2)} ms) and under 2 ms at worst (${ex.totalMax.toFixed(2)} ms) in the example: ` +
            (ex.total < 1 && ex.totalMax < 2 ? 'met' : 'NOT MET'));
console.log(`idle pages stay idle: ${rows.every((r) => r.idleFrames === 0 && r.idleWrites === 0) ? 'yes' : 'NO'}`);
