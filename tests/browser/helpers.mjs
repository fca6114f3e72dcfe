// Shared set-up for Parley's browser tests: Debian's Chromium driven by playwright-core,
// against the served build (a real HTTP server on 127.0.0.1) or dist/parley.html via file://.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { serve } from '../../tools/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PARLEY_SITE runs the tests against another build's site (e.g. build/h1-wasm/site).
export const SITE = process.env.PARLEY_SITE ? path.resolve(process.env.PARLEY_SITE) : path.join(ROOT, 'build/wasm/site');
export const DIST = path.join(ROOT, 'dist/parley.html');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');

const CHROMIUM = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
// Software WebGL2 (SwiftShader) in a headless browser that never calls out to the network.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--mute-audio',
];

export async function launch({ args = [] } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const close = async () => {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

export async function startServer() {
  const server = await serve(SITE, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

export const distUrl = () => pathToFileURL(DIST).href;

// One browser and one server for a whole test file: call at the top level of the file,
// read `.browser` and `.server` inside tests.
export function sharedBrowserAndServer() {
  const shared = { browser: null, server: null };
  before(async () => {
    shared.browser = await launch();
    shared.server = await startServer();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

// Opens a page, records console errors and page errors, and waits until Parley has drawn.
// Drafts an earlier test left unsaved in this browser's autosave are offered back at start (a
// test that closes a page with changes leaves one, depending on timing): the offer is answered
// "Decide later", so it never takes a click meant for the page. Tests of the offer itself open
// their pages with context.newPage() or reload one.
// `init`, when given, runs in the page before Parley's own scripts (page.addInitScript).
// An init for openParley: no save picker, so Save (Ctrl+S) downloads, as in Firefox and Safari.
export const SAVE_TO_DOWNLOADS = () => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });

export async function openParley(context, url, { viewport, init } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  if (init) await page.addInitScript(init);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.parley.ready);
  await declineKeptDrafts(page);
  return { page, problems };
}

export const items = (page) => page.evaluate(() => window.parley.items());

// Waits until an item with this label (and optional window) is in the last drawn frame.
export async function findItem(page, label, { window, timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await items(page)).find((it) => it.label === label && (!window || it.window.startsWith(window)) && !it.flags.includes('clipped'));
    if (found) return found;
    if (Date.now() > deadline) {
      const labels = (await items(page)).map((it) => `${it.label} [${it.window}]`).join(', ');
      throw new Error(`no item labelled "${label}" in the last frame; items: ${labels}`);
    }
    await page.waitForTimeout(30);
  }
}

// Scrolls the document (with the real mouse wheel over it) until an item is in view. Items
// scrolled out of view are reported without their labels (ImGui labels only what it lays out),
// so this wheels down, then back up, until the item shows. `match` is a label or a test of the
// item, e.g. (it) => it.name === 'Reasoning##ans-1/reasoning'.
export async function revealItem(page, match, { window = 'Document/Page', steps = 40 } = {}) {
  const test = typeof match === 'function' ? match : (it) => it.label === match;
  for (const direction of [0, 300]) {   // where it is now, then from the top down
    if (direction) {
      const list = await items(page);
      const win = list.find((x) => x.window.startsWith(window) && x.label === x.window);
      const vp = page.viewportSize();
      await page.mouse.move(win ? win.x + win.w / 2 : vp.width / 2, win ? win.y + win.h / 2 : vp.height / 2);
      await page.mouse.wheel(0, -1e6);
      await settled(page);
    }
    for (let i = 0; i < (direction ? steps : 5); i++) {
      const list = await items(page);
      const it = list.find((x) => test(x) && !x.flags.includes('clipped'));
      // Partly in view is enough for a tall field showing at least a few lines of itself.
      if (it && (!it.flags.includes('partly') || it.h >= 60)) return it;
      const win = list.find((x) => x.window.startsWith(window) && x.label === x.window);
      const vp = page.viewportSize();
      await page.mouse.move(win ? win.x + win.w / 2 : vp.width / 2, win ? win.y + win.h / 2 : vp.height / 2);
      // Cut off at the top: bring it down a little; at the bottom: up a little.
      const nudge = it && win ? (it.y <= win.y + 1 ? -120 : 120) : 0;
      if (!nudge && !direction) break;
      await page.mouse.wheel(0, nudge || direction);
      await settled(page);
    }
  }
  throw new Error(`could not bring ${typeof match === 'function' ? 'the item' : `"${match}"`} into view`);
}

export async function clickRevealed(page, match, opts) {
  const it = await revealItem(page, match, opts);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  return it;
}

// Clicks the centre of an item with the real mouse.
export async function clickItem(page, label, opts = {}) {
  const it = await findItem(page, label, opts);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  return it;
}

// Waits until Parley has processed every input given so far and drawn the result.
export const settled = (page) => page.evaluate(() => window.parley.settled());

// Answers the list of kept drafts (src/ui/autosave_ui.h) "Decide later", if it is shown. The
// list is complete once parley.ready resolves; a frame shows it.
async function declineKeptDrafts(page) {
  await settled(page);
  if ((await items(page)).some((it) => it.label === 'Decide later')) {
    await clickItem(page, 'Decide later');
    await settled(page);
  }
}

// Waits for the frame loop to settle: no new frame for `quietMs`.
export async function waitIdle(page, quietMs = 1200, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last = await page.evaluate(() => window.parley.stats().frames);
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.parley.stats().frames);
    if (now !== last) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return last;
  }
  throw new Error('Parley kept drawing frames with nothing happening');
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// How many distinct colours a screenshot region has: a blank canvas has one or two.
export function distinctColours(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 7)
    seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}

// Opens a real file through File > Open... and the browser's own file chooser.
export async function openThroughChooser(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'File');
  await clickItem(page, 'Open...');
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => window.parley.stats().frames > 0);
  await settled(page);
}

// Compare > With another version of this draft, choosing `file` through the real file chooser.
// Returns as the file is handed over, with the time then; the slowest frame count starts afresh
// (window.parley.stats(true)), so a bench can time the comparison that follows.
export async function compareWithVersion(page, file) {
  await clickItem(page, 'Compare');
  await clickItem(page, 'With another version of this draft...');
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'Choose the other version...');
  await page.evaluate(() => window.parley.stats(true));   // window.parley.stats().maxUiMs: frames from here on
  const start = Date.now();
  await (await chooser).setFiles(file);
  return { start };
}

// A proposal of `n` regimes in chains of 100, each based on the next: following every chain
// from every regime, as the "Based on" list once did, is the quadratic case.
export function manyRegimesDraft(n, title = 'Many regimes') {
  const id = (i) => 'reg-' + String(i).padStart(6, '0');
  const regimes = [];
  for (let i = 0; i < n; i++) {
    const r = { id: id(i), name: 'Regime ' + String(i).padStart(5, '0'), role: i === 0 ? 'current' : 'proposed', dimensions: [] };
    if (i % 100 !== 99 && i + 1 < n) r.based_on = id(i + 1);
    regimes.push(r);
  }
  return { format: 'parley', version: 1, id: 'doc-many-regimes', kind: 'proposal', title, status: 'draft', regimes };
}
