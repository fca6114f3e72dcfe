// The walking skeleton in a real browser: the served app and the single-file dist both start,
// draw, take real keyboard, mouse and clipboard input, and stop drawing when idle.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, sharedBrowserAndServer, openParley, items, findItem, clickItem, waitIdle, settled, screenshot,
  distinctColours, distUrl,
} from './helpers.mjs';

const UNICODE_LINE = '“Ofsted’s — £5 – ŵ ŷ …”';

const shared = sharedBrowserAndServer();

const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const doc = async (page) => JSON.parse(await page.evaluate(() => window.parley.document()));

describe('served app', () => {
  test('loads with no console errors and draws a non-blank window', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    const png = await page.screenshot();
    await screenshot(page, 'shell-served');
    assert.ok(distinctColours(png) > 20, 'the canvas looks blank');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the page has a title, a favicon and lang="en-GB"', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    assert.equal(await page.title(), 'Parley');
    assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
    const icon = await page.getAttribute('link[rel="icon"]', 'href');
    assert.ok(icon, 'no favicon link');
    const res = await page.request.get(new URL(icon, shared.server.url).href);
    assert.equal(res.status(), 200);
    await page.close();
  });

  test('items() lists the menus, and a click on Help opens its menu', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const labels = (await items(page)).map((it) => it.label);
    for (const menu of ['File', 'Edit', 'View', 'Help']) assert.ok(labels.includes(menu), `no ${menu} menu in ${labels}`);
    const help = await findItem(page, 'Help');
    assert.ok(help.w > 10 && help.h > 10, 'Help has no size');
    assert.ok(!help.flags.includes('opened'));
    await clickItem(page, 'Help');
    const about = await findItem(page, 'About Parley');
    assert.notEqual(about.window, help.window, 'About Parley should be in the Help popup, not the menu bar');
    assert.ok((await findItem(page, 'Help')).flags.includes('opened'));
    await screenshot(page, 'shell-help-menu');
    await page.close();
  });

  test('typing Unicode with the real keyboard keeps every character, and the font has them all', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await clickItem(page, 'title');
    await page.keyboard.type(UNICODE_LINE);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal((await doc(page)).title, UNICODE_LINE);
    assert.deepEqual(await page.evaluate((t) => window.parley.missingGlyphs(t), UNICODE_LINE), []);
    assert.equal(await page.title(), `• ${UNICODE_LINE} — Parley`, "the tab shows the title, marked unsaved");
    await screenshot(page, 'shell-unicode');
    await page.close();
  });

  test('copy puts the selection on the OS clipboard, and paste brings it back', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const events = [];
    page.on('console', (m) => events.push(m.text()));
    await page.evaluate(() => document.addEventListener('copy', (e) =>
      console.log(`copy event: handled=${e.defaultPrevented} focus=${document.hasFocus()} active=${document.activeElement.id}`)));
    await clickItem(page, 'title');
    await page.keyboard.type('Joint response: ŵ £ “quotes”');
    await page.keyboard.press(`${primary}+A`);
    await page.keyboard.press(`${primary}+C`);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Joint response: ŵ £ “quotes”',
      `clipboard wrong; title=${JSON.stringify((await doc(page)).title)}; page said: ${events.join(' | ')}`);

    await clickItem(page, 'organisation');
    await page.keyboard.press(`${primary}+V`);
    await settled(page);
    assert.equal((await doc(page)).organisations[0].name, 'Joint response: ŵ £ “quotes”');

    // Text copied by another application arrives too.
    await page.evaluate(() => navigator.clipboard.writeText('ADCS, LGA and Solace'));
    await page.keyboard.press(`${primary}+A`);
    await page.keyboard.press(`${primary}+V`);
    await settled(page);
    assert.equal((await doc(page)).organisations[0].name, 'ADCS, LGA and Solace');
    await page.close();
  });

  test('load() takes a valid document and refuses an invalid one without changing anything', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const good = JSON.stringify({ format: 'parley', version: 1, id: 'doc-1', kind: 'proposal', title: 'Re-inspection: ŵ', status: 'draft',
      organisations: [{ id: 'org-1', name: 'Ofsted' }], colour: 'teal' });
    const result = await page.evaluate((t) => window.parley.load(t), good);
    assert.equal(result.ok, true);
    assert.equal(result.notices[0].pointer, '/colour', 'an unknown field is reported as a notice');
    const loaded = await page.evaluate(() => window.parley.document());
    assert.equal(JSON.parse(loaded).title, 'Re-inspection: ŵ');
    assert.equal(JSON.parse(loaded).colour, 'teal', 'an unknown field is kept');

    const bad = await page.evaluate(() => window.parley.load('{"format":"parley","version":1,\n "title": tru}'));
    assert.equal(bad.ok, false);
    assert.equal(bad.errors[0].line, 2);
    assert.match(bad.errors[0].message, /not valid JSON/);
    const newer = await page.evaluate(() => window.parley.load('{"format":"parley","version":2,"kind":"response","title":""}'));
    assert.equal(newer.ok, false);
    assert.match(newer.errors[0].message, /newer Parley/);
    assert.equal((await page.evaluate(() => window.parley.load(42))).ok, false);
    assert.equal(await page.evaluate(() => window.parley.document()), loaded, 'a refused load changed the document');
    await page.close();
  });

  test('when nothing happens no frames are drawn; input wakes it', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const idleFrames = await waitIdle(page);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.parley.stats().frames), idleFrames, 'frames drawn while idle');
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await page.waitForTimeout(200);
    assert.ok(await page.evaluate(() => window.parley.stats().frames) > idleFrames, 'mouse input drew no frame');
    const s = await page.evaluate(() => window.parley.stats());
    assert.ok(s.meanFrameMs > 0 && s.lastFrameMs >= 0);
    await page.close();
  });

  test('the app keeps its own shortcuts from the browser', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await page.evaluate(() => {
      window.__prevented = {};
      window.addEventListener('keydown', (e) => { if (e.key.length === 1) window.__prevented[e.key.toLowerCase()] = e.defaultPrevented; });
    });
    for (const key of ['s', 'o', 'z', 'y']) await page.keyboard.press(`${primary}+${key.toUpperCase()}`);
    const prevented = await page.evaluate(() => window.__prevented);
    assert.deepEqual(prevented, { s: true, o: true, z: true, y: true });
    // Plain typing is not blocked: the browser still delivers it as text.
    await clickItem(page, 'title');
    await page.keyboard.press('s');
    assert.equal(await page.evaluate(() => window.__prevented.s), false);
    await page.close();
  });

  test('the canvas follows the window size and the pixel ratio', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const size = () => page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, innerWidth, innerHeight]; });
    assert.deepEqual(await size(), [1280, 800, 1280, 800]);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(300);
    assert.deepEqual(await size(), [1024, 700, 1024, 700]);
    const status = await findItem(page, 'StatusBar');
    assert.ok(Math.abs(status.y + status.h - 700) < 1, `status bar not at the bottom: ${JSON.stringify(status)}`);

    await page.close();
  });

  test('on a HiDPI screen or after browser zoom the backbuffer gets the extra pixels; layout stays in CSS pixels', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const size = () => page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, innerWidth, innerHeight]; });
    const before = await findItem(page, 'Help');
    const cdp = await shared.browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
    await page.mouse.move(640, 400);
    await page.waitForFunction(() => document.getElementById('canvas').width === 2560);
    assert.deepEqual(await size(), [2560, 1600, 1280, 800]);
    await settled(page);
    const after = await findItem(page, 'Help');
    assert.ok(Math.abs(after.x - before.x) <= 2 && Math.abs(after.h - before.h) <= 1, `layout moved: ${JSON.stringify([before, after])}`);
    await screenshot(page, 'shell-hidpi');
    await page.close();
  });

  test('shows progress while the program downloads', async () => {
    const page = await shared.browser.context.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/parley.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(shared.server.url);
    await page.waitForSelector('#loader:not([hidden])');
    assert.match(await page.textContent('#loader'), /Loading Parley/);
    release();
    await page.evaluate(() => window.parley.ready);
    assert.equal(await page.isHidden('#loader'), true);
    await page.close();
  });

  test('a program file that fails to download is explained on the page', async () => {
    const page = await shared.browser.context.newPage();
    await page.route('**/parley.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(shared.server.url);
    await page.waitForSelector('#failure:not([hidden])');
    const text = await page.textContent('#failure');
    assert.match(text, /could not be loaded/);
    assert.match(text, /parley\.wasm/);
    assert.match(text, /404/);
    await page.close();
  });
});

describe('browsers without what Parley needs', () => {
  test('no WebGL: the page says so in plain words', async () => {
    const b = await launch({ args: ['--disable-webgl', '--disable-3d-apis'] });
    try {
      const page = await b.context.newPage();
      await page.goto(shared.server.url);
      await page.waitForSelector('#failure:not([hidden])');
      assert.match(await page.textContent('#failure'), /WebGL 2/);
      await screenshot(page, 'shell-no-webgl');
    } finally { await b.close(); }
  });

  test('no WebAssembly: the page says so in plain words', async () => {
    // Chromium has no switch that removes WebAssembly, so remove it before the page runs, as a
    // browser without it (or with it disabled by policy) would present itself.
    const b = await launch();
    try {
      const page = await b.context.newPage();
      await page.addInitScript(() => { delete window.WebAssembly; });
      await page.goto(shared.server.url);
      await page.waitForSelector('#failure:not([hidden])');
      assert.match(await page.textContent('#failure'), /WebAssembly/);
    } finally { await b.close(); }
  });
});

describe('single-file dist/parley.html from disk', () => {
  test('opens through file:// with no server and no network, and works', async () => {
    const page = await shared.browser.context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(distUrl());
    await page.evaluate(() => window.parley.ready);
    assert.deepEqual(problems, []);
    const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'the single file fetched something');
    assert.ok(distinctColours(await page.screenshot()) > 20, 'the canvas looks blank');
    await clickItem(page, 'Help');
    await findItem(page, 'About Parley');
    await page.keyboard.press('Escape');
    await settled(page);
    assert.ok(!(await items(page)).some((it) => it.label === 'About Parley'), 'Escape did not close the menu');
    await clickItem(page, 'title');
    await page.keyboard.type(UNICODE_LINE);
    await settled(page);
    assert.equal((await doc(page)).title, UNICODE_LINE);
    await screenshot(page, 'shell-dist');
    await page.close();
  });
});
