// make bench-typing (part of make bench): typing where there is no graphics card
// (docs/benchmarks.md, "Typing"). In Debian's Chromium with software WebGL (SwiftShader), as
// the browser tests and as council laptops behind remote desktops draw, at 1280x800:
//   - what one frame costs: the app's part (layout, draw lists, GL calls) and the drawing
//     itself (gl.finish), on the empty draft and on the joint response example;
//   - typing into a one-line field (the title) and into the long-text box (a summary), at a
//     fast typist's pace (one key every 80 ms) and as fast as keys come (a paste-like burst):
//     from each key's keydown to the paint that shows its character, and frames drawn per key
//     until everything has settled.
// The peer: a plain <input> and <textarea> in the same Chromium, given the same keys.
//   node bench/typing-bench.mjs [--quick]
import { launch, startServer, openParley, revealItem, settled } from '../tests/browser/helpers.mjs';

const quick = process.argv.includes('--quick');
const VIEW = { width: 1280, height: 800 };
const TEXT = 'Inspection should be proportionate to risk and ';   // 47 keys
const PACE_MS = 80;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const fmt = (ms) => (ms === null || ms === undefined ? '-' : `${ms.toFixed(1)} ms`);

// In the page: for every character key, from its keydown (the event's own time, so a busy
// page's queueing counts) to the first paint after `shown()` first becomes true for it.
function watchKeys({ kind, text }) {
  const state = { keys: [], pending: [], typed: 0 };
  window.__keys = state;
  const shown = kind === 'title' ? () => document.title
              : () => (document.activeElement && 'value' in document.activeElement ? document.activeElement.value : '');
  document.addEventListener('keydown', (e) => {
    if (e.key.length !== 1 || e.ctrlKey || e.metaKey) return;
    state.typed++;
    state.pending.push({ t: e.timeStamp, prefix: text.slice(0, state.typed) });
  }, true);
  // Seen inside an animation frame's callback (Parley's frame), the change is painted when that
  // callback returns: a task queued now runs after the paint. Seen elsewhere (an input event),
  // it is painted by the next animation frame.
  let inFrame = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (fn) => raf((t) => { inFrame = true; try { fn(t); } finally { inFrame = false; } });
  const check = () => {
    const now = shown();
    while (state.pending.length && now.includes(state.pending[0].prefix)) {
      const k = state.pending.shift();
      const record = () => setTimeout(() => state.keys.push(performance.now() - k.t), 0);
      if (inFrame) record(); else raf(record);
    }
  };
  if (kind === 'title') new MutationObserver(check).observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
  else document.addEventListener('input', () => Promise.resolve().then(check), true);
}

async function typeAndMeasure(page, kind, delay, done) {
  await page.evaluate(watchKeys, { kind, text: TEXT });
  const before = await page.evaluate(() => (window.parley ? window.parley.stats() : null));
  const t0 = Date.now();
  await page.keyboard.type(TEXT, { delay });
  await done();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
  const total = Date.now() - t0;
  const after = await page.evaluate(() => (window.parley ? window.parley.stats() : null));
  const keys = await page.evaluate(() => window.__keys.keys);
  const n = TEXT.length;
  return {
    median: keys.length ? median(keys) : null, max: keys.length ? Math.max(...keys) : null, seen: keys.length,
    total,
    // A build from before frames were drawn only when changed (PARLEY_SITE=...) drew every one.
    drawnPerKey: before ? (before.framesDrawn === undefined ? after.frames - before.frames : after.framesDrawn - before.framesDrawn) / n : null,
    passesPerKey: before ? (after.frames - before.frames) / n : null,
  };
}

async function parleyField(context, url, kind, delay) {
  const { page } = await openParley(context, url, { viewport: VIEW });
  if (kind === 'title') {
    await page.evaluate(() => window.parley.load(JSON.stringify({ format: 'parley', version: 1, id: 'doc-typing', kind: 'response',
      title: '', status: 'draft', organisations: [{ name: 'Association of Directors of Children\u2019s Services', short: 'ADCS' }] })));
    await settled(page);
    const field = await revealItem(page, (it) => it.name === '##title');
    await page.mouse.click(field.x + 40, field.y + field.h / 2);
  } else {
    await page.evaluate(() => window.parley.load(JSON.stringify({ format: 'parley', version: 1, id: 'doc-typing', kind: 'response',
      title: 'Typing benchmark', status: 'draft', summary: { position: 'partly_agree', text: '' } })));
    await settled(page);
    const field = await revealItem(page, (it) => it.name === 'Summary##summary/text');
    await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  }
  await settled(page);
  await page.waitForTimeout(700);   // the click's own frames are over
  await settled(page);
  const r = await typeAndMeasure(page, kind, delay, () => settled(page));
  const doc = JSON.parse(await page.evaluate(() => window.parley.document()));
  r.kept = (kind === 'title' ? doc.title : doc.summary.text) === TEXT;
  await page.close();
  return r;
}

async function peerField(context, kind, delay) {
  const page = await context.newPage();
  await page.setViewportSize(VIEW);
  await page.setContent(kind === 'title'
    ? '<input id="f" style="width:760px;font:15px sans-serif">'
    : '<textarea id="f" style="width:760px;height:200px;font:15px/22px sans-serif"></textarea>');
  await page.click('#f');
  const r = await typeAndMeasure(page, 'field', delay, async () => {});
  r.kept = (await page.evaluate(() => document.getElementById('f').value)) === TEXT;
  await page.close();
  return r;
}

async function frameCost(context, url, example) {
  const { page } = await openParley(context, url, { viewport: VIEW });
  if (example) {
    const fs = await import('node:fs');
    const text = fs.readFileSync(new URL(`../assets/examples/${example}.parley.json`, import.meta.url), 'utf8');
    await page.evaluate((t) => window.parley.load(t), text);
  }
  await settled(page);
  if (!(await page.evaluate(() => !!window.parley.testing.frameCost))) { await page.close(); return null; }   // an older build
  await page.evaluate(() => window.parley.testing.frameCost(5));   // warm up
  const r = await page.evaluate(() => window.parley.testing.frameCost(30));
  await page.close();
  return r;
}

const { context, close } = await launch();
const server = await startServer();
try {
  const rows = [];
  const log = (k, v) => { rows.push([k, v]); console.error(`  ${k}: ${v}`); };
  for (const [label, example] of [['empty draft', null], ['joint response example', 'jtai-joint-response']]) {
    const c = await frameCost(context, server.url, example);
    if (c) log(`a frame drawn in full, ${label}: app / drawing / total (window filled N times over the clear)`,
      `${fmt(c.appMs)} / ${fmt(c.drawMs)} / ${fmt(c.appMs + c.drawMs)} (${c.overdraw.toFixed(2)})`);
  }
  const paces = quick ? [[PACE_MS, `one key every ${PACE_MS} ms`]] : [[PACE_MS, `one key every ${PACE_MS} ms`], [0, 'keys as fast as they come']];
  for (const [kind, name, peerName] of [['title', 'one-line field (title)', '<input>'], ['long', 'long-text box (summary)', '<textarea>']]) {
    for (const [delay, pace] of paces) {
      const mine = await parleyField(context, server.url, kind, delay);
      const peer = await peerField(context, kind, delay);
      log(`${name}, ${pace}: key to drawn, median (Parley / ${peerName} / ratio)`,
        `${fmt(mine.median)} / ${fmt(peer.median)} / ${mine.median !== null && peer.median ? (mine.median / peer.median).toFixed(1) + 'x' : '-'}`);
      log(`  slowest key to drawn (Parley / ${peerName})`, `${fmt(mine.max)} / ${fmt(peer.max)}`);
      log(`  ${TEXT.length} keys until settled (Parley / ${peerName})`, `${mine.total} ms / ${peer.total} ms`);
      log(`  frames drawn per key (app passes per key)`, `${mine.drawnPerKey.toFixed(2)} (${mine.passesPerKey.toFixed(2)})`);
      if (!mine.kept || !peer.kept || mine.seen !== TEXT.length) log('  TEXT LOST', `Parley kept ${mine.kept}, saw ${mine.seen} keys; peer kept ${peer.kept}`);
    }
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`Typing in Chromium (software WebGL) at ${VIEW.width}x${VIEW.height}, site ${process.env.PARLEY_SITE || 'build/wasm/site'}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
} finally {
  await server.close();
  await close();
}
