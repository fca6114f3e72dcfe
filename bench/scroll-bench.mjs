// make bench, huge drafts part: is the editor as responsive on a 10 MB draft as on a small one?
//   node bench/scroll-bench.mjs DRAFT_10MB [REGIMES=10000]
//
// In Debian's Chromium (software WebGL, as the browser tests use), with the tests' tooling:
//   1. the 10 MB draft (bench/make-draft.mjs: 709 question cards, 60 regimes) is loaded and the
//      page scrolled down with the mouse wheel, a notch at a time; the named peer is the same
//      scroll of a small draft (assets/examples/jtai-joint-response.parley.json). Printed: the
//      app's own work per frame (window.parley.stats().lastUiMs: ImGui layout and draw lists,
//      without the software GPU), median and slowest, and the ratio to the small draft;
//   2. a proposal of REGIMES regimes (chains of 100, each based on the next) is loaded, the
//      first regime's "Based on" list opened with the mouse and scrolled with the wheel: the
//      frame that opens it, and the frames while scrolling it. Also how long items() takes.
// Target: under 8 ms of app work a frame while scrolling the 10 MB draft.
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, openParley, items, settled, revealItem, manyRegimesDraft, ROOT } from '../tests/browser/helpers.mjs';

const draft = process.argv[2];
const regimeCount = Number(process.argv[3] || 10000);
if (!draft) { console.error('usage: node bench/scroll-bench.mjs DRAFT_10MB [REGIMES]'); process.exit(2); }

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const stats = (page) => page.evaluate(() => window.parley.stats());

async function load(page, text) {
  const r = await page.evaluate((t) => window.parley.load(t), text);
  if (!r.ok) throw new Error('the draft did not load: ' + JSON.stringify(r.errors?.slice(0, 3)));
  await settled(page);
}

// Wheels down over the page `notches` times; the app's work in each frame after a notch.
async function scrollPage(page, notches) {
  const win = (await items(page)).find((it) => it.window.startsWith('Document/Page') && it.label === it.window);
  await page.mouse.move(win.x + win.w / 2, win.y + win.h / 2);
  const ui = [], blocks = [];
  for (let i = 0; i < notches; i++) {
    await page.mouse.wheel(0, 300);
    await settled(page);
    const s = await stats(page);
    ui.push(s.lastUiMs);
    blocks.push(s.blocksDrawn ?? NaN);
  }
  return { ui, blocks };
}

const { context, close } = await launch();
const server = await startServer();
const rows = [];
let based;
function printScrolling() {
  console.log('\nScrolling huge drafts (Chromium, software WebGL): the app\'s own work per frame');
  console.log('draft                                         median      slowest    cards laid out   ratio to small (median)');
  for (const r of rows)
    console.log(`${r.name.padEnd(44)}${(r.median.toFixed(2) + ' ms').padStart(9)}${(r.max.toFixed(2) + ' ms').padStart(12)}${String(r.blocks).padStart(12)}       ${(r.median / rows[0].median).toFixed(2)}x`);
  console.log(`target: under 8 ms a frame on the 10 MB draft: ${rows[1].median < 8 ? 'met' : 'NOT MET'}`);
}
try {
  for (const [name, file, notches] of [['small draft (jtai-joint-response example)', path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 12],
                                       ['10 MB draft (709 questions, 60 regimes)', draft, 60]]) {
    const { page } = await openParley(context, server.url, { viewport: { width: 1280, height: 900 } });
    await load(page, fs.readFileSync(file, 'utf8'));
    await scrollPage(page, 2);   // warm-up: fonts, first measurements
    const { ui, blocks } = await scrollPage(page, notches);
    rows.push({ name, median: median(ui), max: Math.max(...ui), blocks: Math.max(...blocks) });
    await page.close();
  }
  printScrolling();
  if (!regimeCount) { await server.close(); await close(); process.exit(0); }

  const { page } = await openParley(context, server.url, { viewport: { width: 1280, height: 900 } });
  await load(page, JSON.stringify(manyRegimesDraft(regimeCount)));
  const t0 = Date.now();
  await items(page);
  const itemsMs = Date.now() - t0;
  const combo = await revealItem(page, (it) => it.name === '##based_on/reg-000000');
  await page.evaluate(() => window.parley.stats(true));   // the slowest frame from the click on
  await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h / 2);
  await settled(page);
  await settled(page);
  const open = (await stats(page)).maxUiMs;
  const row = (await items(page)).find((it) => it.window.startsWith('##Combo') && it.label.startsWith('Regime '));
  await page.mouse.move(row.x + row.w / 2, row.y + row.h * 3);
  const ui = [];
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 300);
    await settled(page);
    ui.push((await stats(page)).lastUiMs);
  }
  based = { itemsMs, open, median: median(ui), max: Math.max(...ui) };
  await page.close();
} finally {
  await server.close();
  await close();
}

console.log(`\n${regimeCount} regimes: items() ${based.itemsMs} ms; "Based on" list: opening frame ${based.open.toFixed(1)} ms, ` +
            `scrolling median ${based.median.toFixed(2)} ms, slowest ${based.max.toFixed(2)} ms`);
