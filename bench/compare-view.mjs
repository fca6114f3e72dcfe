// make bench, last part: is the compare view responsive on two drafts of 100,000 words?
//   node bench/compare-view.mjs TEXTDIR
// TEXTDIR holds the drafts bench/make-text.mjs writes (a.parley.json, b-scattered.parley.json,
// b-rewritten.parley.json): each a minimal response whose one section holds the whole text.
//
// In Debian's Chromium (software WebGL, as the browser tests use), for each pair: the newer
// draft is loaded, Compare > With another version... is chosen with the real mouse and the
// older file given to the real file picker; then the page is scrolled with the mouse wheel.
// Printed: the time from choosing the file to the drawn comparison (diff + first layout), and
// the app's own work per frame while scrolling (window.parley.stats().lastUiMs: ImGui layout
// and draw lists, without the software GPU, which costs the same whatever is on screen).
import path from 'node:path';
import { launch, startServer, openParley, compareWithVersion, items, settled } from '../tests/browser/helpers.mjs';

const dir = process.argv[2];
if (!dir) { console.error('usage: node bench/compare-view.mjs TEXTDIR'); process.exit(2); }

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const { context, close } = await launch();
const server = await startServer();
const rows = [];
try {
  for (const [name, newer] of [['5 % scattered edits', 'b-scattered.parley.json'], ['second half rewritten', 'b-rewritten.parley.json']]) {
    const { page } = await openParley(context, server.url, { viewport: { width: 1280, height: 900 } });
    const fs = await import('node:fs');
    const loaded = await page.evaluate((t) => window.parley.load(t).ok, fs.readFileSync(path.join(dir, newer), 'utf8'));
    if (!loaded) throw new Error(`${newer} did not load`);
    const { start } = await compareWithVersion(page, path.join(dir, 'a.parley.json'));
    let summary;
    for (;;) {
      summary = (await items(page)).find((it) => it.name.endsWith('##compare/summary'));
      if (summary) break;
      if (Date.now() - start > 60000) throw new Error('no comparison after a minute');
      await page.waitForTimeout(10);
    }
    await settled(page);
    const firstMs = Date.now() - start;
    // The slowest frame since the file was chosen: import, diff and the first layout of the text.
    const slowest = (await page.evaluate(() => window.parley.stats())).maxUiMs;
    const firstUi = slowest;
    // Scroll down through the text, a wheel notch at a time, and read each frame's work.
    await page.mouse.move(640, 500);
    const ui = [];
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 600);
      await settled(page);
      ui.push((await page.evaluate(() => window.parley.stats())).lastUiMs);
    }
    rows.push({ name, summary: summary.label, firstMs, firstUi, median: median(ui), max: Math.max(...ui) });
    await page.close();
  }
} finally {
  await server.close();
  await close();
}

console.log('\nCompare view, two drafts of 100,000 words (Chromium, software WebGL)');
console.log('pair                    file chosen -> drawn   slowest frame (open + diff + layout)   app work per frame while scrolling');
for (const r of rows) {
  console.log(`${r.name.padEnd(24)}${(r.firstMs + ' ms').padStart(10)}             ${(r.firstUi.toFixed(0) + ' ms').padStart(8)}                        median ${r.median.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`);
}
console.log('target: a few milliseconds a frame (only the lines in view are laid out and drawn)');
