// make bench-long-text: long prose without freezing (docs/benchmarks.md, "Long text").
//   node bench/long-text-bench.mjs [--quick]
// In Debian's Chromium (software WebGL, as the browser tests use), against the served build
// (PARLEY_SITE, as the browser tests; default build/wasm/site):
//   - load() of a draft whose one section holds 5 MB of prose with no line break, and the
//     app's work per frame (window.parley.stats().lastUiMs) while the wheel scrolls through it;
//   - the same for 56 MB (skipped with --quick): load() must not hang;
//   - a paste of 5 MB into an empty field through the real clipboard (Ctrl+V in the field's
//     textarea): from the paste event to the first paint that shows it, and until Parley has
//     settled (every frame drawn, the autosave written);
//   - typing 5 keys after that paste: from each key to the paint that shows it, and until settled.
// The peer: a plain <textarea> in the same Chromium, given the same paste and the same keys.
// Prints one table; times are wall-clock in this browser on this machine.
import { launch, startServer, openParley, findItem, settled } from '../tests/browser/helpers.mjs';

const quick = process.argv.includes('--quick');
const LIMIT_MS = 120000;   // "did not finish": the bench goes on with the next part

// Prose of `bytes` bytes, words and punctuation with no line break, the same every run.
function prose(bytes) {
  const words = ['inspection', 'framework', 'the', 'of', 'children', 'local', 'authority', 'partners', 'evidence',
    'and', 'safeguarding', 'proportionate', 'multi-agency', 'notice', 'a', 'to', 'in', 'practice', 'frontline', 'staff'];
  let seed = 12345;
  const parts = [];
  let n = 0;
  while (n < bytes) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    let w = words[seed % words.length];
    if (seed % 13 === 0) w += seed % 2 ? ',' : '.';
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

// A response whose summary, the first prose field (in view at the top), holds `text`.
function draft(text) {
  return JSON.stringify({
    format: 'parley', version: 1, id: 'doc-long-text', kind: 'response', title: 'Long text benchmark', status: 'draft',
    summary: { position: 'partly_agree', text },
  });
}

const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const fmt = (ms) => (ms === null || ms === undefined ? 'did not finish' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

async function withLimit(promise) {
  let timer;
  const limit = new Promise((r) => { timer = setTimeout(() => r('timeout'), LIMIT_MS); });
  const out = await Promise.race([promise, limit]);
  clearTimeout(timer);
  return out;
}

// load() of a draft with `bytes` of prose, then the wheel through it.
async function loadAndScroll(context, url, bytes) {
  const { page } = await openParley(context, url, { viewport: { width: 1280, height: 900 } });
  const text = draft(prose(bytes));
  const t0 = Date.now();
  const result = await withLimit(page.evaluate((t) => window.parley.load(t).ok, text));
  if (result === 'timeout') { await page.close().catch(() => {}); return { load: null }; }
  if (result !== true) throw new Error('the draft did not load');
  const loadMs = Date.now() - t0;
  await settled(page);
  const firstUi = (await page.evaluate(() => window.parley.stats())).maxUiMs;
  await page.mouse.move(640, 500);
  const ui = [];
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 600);
    await settled(page);
    ui.push((await page.evaluate(() => window.parley.stats())).lastUiMs);
  }
  await page.close();
  return { load: loadMs, firstUi, scrollUi: median(ui), scrollMax: Math.max(...ui) };
}

// Times taken inside the page: from the paste event (or a key's keydown) to the first paint
// after the change was handled (a frame's callback, then a task after its paint), which is when
// the user sees it. Listeners on the document's capture phase run before the page's own.
function watchPaints() {
  window.__paint = { paste: null, keys: [] };
  const painted = (start, done) => requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
  document.addEventListener('paste', () => {
    const t = performance.now();
    setTimeout(() => painted(t, (ms) => { window.__paint.paste = ms; }), 0);
  }, true);
  document.addEventListener('keydown', (e) => {
    if (e.key.length !== 1 || e.ctrlKey || e.metaKey) return;
    const t = performance.now();
    document.addEventListener('input', () => painted(t, (ms) => window.__paint.keys.push(ms)), { once: true, capture: true });
  }, true);
}

// Paste `text` with Ctrl+V into the focused field, then type keys. Wall-clock until `done`
// (for Parley: settled, every frame drawn and the autosave written), and in the page until the
// paste or key was painted.
async function pasteAndType(page, text, done) {
  await page.evaluate(watchPaints);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const t0 = Date.now();
  await page.keyboard.press(`${primary}+V`);
  const pasted = await withLimit((async () => { await done(); await frame(page); })());
  if (pasted === 'timeout') return { paste: null, key: null };
  const pasteMs = Date.now() - t0;
  const keys = [];
  for (const k of 'abcde') {
    const t = Date.now();
    const r = await withLimit((async () => { await page.keyboard.press(k); await done(); await frame(page); })());
    if (r === 'timeout') return { paste: pasteMs, key: null };
    keys.push(Date.now() - t);
  }
  const paint = await page.evaluate(() => window.__paint);
  return { paste: pasteMs, key: median(keys), keyMax: Math.max(...keys), pastePaint: paint.paste,
    keyPaint: paint.keys.length ? median(paint.keys) : null, keyPaintMax: paint.keys.length ? Math.max(...paint.keys) : null };
}

async function parleyPaste(context, url, text) {
  const { page } = await openParley(context, url, { viewport: { width: 1280, height: 900 } });
  if (!(await page.evaluate((t) => window.parley.load(t).ok, draft('')))) throw new Error('no draft');
  await findItem(page, 'Summary');
  const field = (await page.evaluate(() => window.parley.items())).find((it) => it.name === 'Summary##summary/text');
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await settled(page);
  const r = await pasteAndType(page, text, () => settled(page));
  const kept = await page.evaluate(() => JSON.parse(window.parley.document()).summary.text.length);
  await page.close();
  return { ...r, kept };
}

async function textareaPaste(context, url, text) {
  const page = await context.newPage();
  await page.goto(url + 'peer-textarea.html').catch(() => {});   // same origin: the clipboard works
  await page.setContent('<textarea id="t" style="width:700px;height:600px;font:16px/24px sans-serif"></textarea>');
  await page.click('#t');
  const r = await pasteAndType(page, text, async () => {});
  const kept = await page.evaluate(() => document.getElementById('t').value.length);
  await page.close();
  return { ...r, kept };
}

const { context, close } = await launch();
const server = await startServer();
try {
  const rows = [];
  const log = (k, v) => { rows.push([k, v]); console.error(`  ${k}: ${v}`); };
  const five = await loadAndScroll(context, server.url, 5e6);
  log('5 MB, no line break: load() and first frame', fmt(five.load));
  if (five.load !== null) {
    log('  slowest frame (app work)', fmt(five.firstUi));
    log('  scrolling: app work per frame, median / max', `${fmt(five.scrollUi)} / ${fmt(five.scrollMax)}`);
  }
  if (!quick) {
    const big = await loadAndScroll(context, server.url, 56e6);
    log('56 MB, no line break: load() and first frame', fmt(big.load));
    if (big.load !== null) log('  scrolling: app work per frame, median / max', `${fmt(big.scrollUi)} / ${fmt(big.scrollMax)}`);
  }
  const text = prose(5e6);
  const peer = await textareaPaste(context, server.url, text);
  const mine = await parleyPaste(context, server.url, text);
  log('paste 5 MB: paste event to painted (Parley / plain <textarea>)', `${fmt(mine.pastePaint)} / ${fmt(peer.pastePaint)}`);
  log('paste 5 MB: until settled, autosave included (Parley / plain <textarea>)', `${fmt(mine.paste)} / ${fmt(peer.paste)}`);
  log('then a key: key to painted, median (Parley / plain <textarea>)', `${fmt(mine.keyPaint)} / ${fmt(peer.keyPaint)}`);
  log('  slowest key to painted (Parley / plain <textarea>)', `${fmt(mine.keyPaintMax)} / ${fmt(peer.keyPaintMax)}`);
  log('  a key until settled, median (Parley / plain <textarea>)', `${fmt(mine.key)} / ${fmt(peer.key)}`);
  log('characters kept (Parley / plain <textarea>)', `${mine.kept} / ${peer.kept}`);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`Long text in Chromium (software WebGL), site ${process.env.PARLEY_SITE || 'build/wasm/site'}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
} finally {
  await server.close();
  await close();
}
