// Share links (File > Copy share link): the whole draft travels in the link's fragment. These
// tests copy a link with the real mouse, read it back from the clipboard, open it in a new page
// (served and file://) and check the draft arrived whole, Unicode included, with no revision
// added; a damaged, cut-short, re-encoded, bomb or non-draft link is explained and changes
// nothing; a link never replaces unsaved work without asking, nor an autosaved draft.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sharedBrowserAndServer, openParley, clickItem, findItem, items, settled, screenshot, ROOT, SITE } from './helpers.mjs';

await import(path.join(ROOT, 'web/share_link.js'));   // the page's own link code, to build damaged links
const S = globalThis.ParleyShareLink;

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const UNICODE_TITLE = 'Ünïcödé — 😀 “quotes”';
const example = fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8');
// The example under a title no ASCII-only path would survive (set by loading: ImGui's one-line
// fields here take no characters beyond U+FFFF from the keyboard, the prose fields do).
const unicodeExample = JSON.stringify({ ...JSON.parse(example), title: UNICODE_TITLE }, null, 2) + '\n';
// The same to be edited by typing in its title (no emoji there: see above); the emoji is in the summary.
const BMP_TITLE = 'Ünïcödé — “quotes”';
const editableExample = (() => {
  const d = JSON.parse(example);
  return JSON.stringify({ ...d, title: BMP_TITLE, summary: { ...d.summary, text: d.summary.text + ' 😀 “ŵ”' } }, null, 2) + '\n';
})();
const documentText = (page) => page.evaluate(() => window.parley.document());
const documentTitle = async (page) => JSON.parse(await documentText(page)).title;
const named = async (page, id) => (await items(page)).find((it) => it.name.endsWith('##' + id));

// A page at `url` with no autosaved draft from other tests waiting in this origin's storage.
async function freshPage(url) {
  const page = await shared.browser.context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  await page.goto(url.split('#')[0]);
  await page.evaluate(() => window.parley.ready);
  await page.evaluate(() => localStorage.clear());
  if (url.includes('#')) await page.goto('about:blank');
  await page.goto(url);
  await page.evaluate(() => window.parley.ready);
  await settled(page);
  return { page, problems };
}

async function typeTitle(page, text) {
  await clickItem(page, 'title');
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await settled(page);
}

async function copyShareLink(page) {
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await clickItem(page, 'File');
  await clickItem(page, 'Copy share link');
  await findItem(page, 'Share link');
  await settled(page);
}

async function closeModal(page) {
  await clickItem(page, 'Close');
  await settled(page);
}

// Opens `hash` in the page as if pasted into its address bar (same page: hashchange).
async function visitHash(page, hash) {
  await page.goto(page.url().split('#')[0] + hash);
  await page.waitForFunction(() => !location.hash.startsWith('#parley='));
  await page.waitForTimeout(100);   // the link is unpacked asynchronously
  await settled(page);
}

const linkOf = async (bytes) => '#parley=v1.' + S.toBase64Url(await S.deflate(bytes));

describe('share links', () => {
  test('File > Copy share link puts the draft in the clipboard; a new page opens it whole, Unicode and all', async () => {
    const { page, problems } = await freshPage(shared.server.url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), editableExample)).ok, true);
    await typeTitle(page, ' (edited)');
    const before = await documentText(page);
    assert.equal(JSON.parse(before).title, BMP_TITLE + ' (edited)');
    assert.ok(JSON.parse(before).summary.text.endsWith(' 😀 “ŵ”'));

    await copyShareLink(page);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(shared.server.url + '#parley=v1.'), `the link starts with the page's address: ${link.slice(0, 60)}`);
    assert.match(link.split('#')[1], /^parley=v1\.[A-Za-z0-9_-]+$/);
    const length = await named(page, 'share-length');
    assert.match(length.label, new RegExp(link.length.toLocaleString('en-GB') + ' characters'), 'the window gives the link\'s length');
    assert.ok(await named(page, 'share-warning'), 'a link this long is said to be unsafe for mail and chat');
    const field = (await items(page)).find((it) => it.name.endsWith('##share-link'));
    assert.ok(field, 'the link is shown as text to select');
    await screenshot(page, 'share-link-copied');
    await closeModal(page);
    assert.equal(await documentText(page), before, 'copying a link is not saving: no revision, nothing changed');
    assert.match(await page.title(), /^• /, 'the draft is still marked not saved to a file');
    assert.deepEqual(problems, []);

    // The same link in a new page: the draft arrives, title and all.
    const other = await freshPage(link);
    await other.page.waitForFunction((t) => document.title.includes(t), BMP_TITLE + ' (edited)', { timeout: 10000 });
    assert.equal(await documentText(other.page), before, 'the draft arrived byte for byte');
    assert.equal(await other.page.evaluate(() => location.hash), '', 'the fragment is taken off, so a reload does not ask again');
    await screenshot(other.page, 'share-link-opened');
    assert.deepEqual(other.problems, []);
    await other.page.close();
    await page.close();
  });

  test('from dist/parley.html on disk (file://) the link is the file\'s own address and opens there', async () => {
    const dist = '/tmp/h5-wasm-dist/parley.html';
    execFileSync('node', [path.join(ROOT, 'tools/make-dist.mjs'), path.dirname(SITE), dist]);
    const url = pathToFileURL(dist).href;
    const { page, problems } = await freshPage(url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), unicodeExample)).ok, true);
    await copyShareLink(page);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(url + '#parley=v1.'), link.slice(0, 80));
    await closeModal(page);
    const before = await documentText(page);
    await page.close();

    const other = await freshPage(link);
    await other.page.waitForFunction((t) => document.title.includes(t), UNICODE_TITLE, { timeout: 10000 });
    assert.equal(await documentText(other.page), before);
    assert.equal(await other.page.evaluate(() => location.hash), '');
    assert.deepEqual([...problems, ...other.problems], []);
    await other.page.close();
  });

  test('damaged links are explained and leave the open draft as it was', async () => {
    const { page, problems } = await freshPage(shared.server.url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), example)).ok, true);
    const before = await documentText(page);
    const good = await linkOf(new TextEncoder().encode(example));
    const bomb = await linkOf(new Uint8Array(70 << 20).fill(0x20));   // 70 MB of spaces: past the 64 MB limit
    const cases = [
      ['cut short', good.slice(0, Math.floor(good.length * 0.6)), /cut short/],
      ['a character that is not base64url', good.slice(0, 200) + '!' + good.slice(201), /character 190 of its data is '!'/],
      ['re-encoded on the way', good.slice(0, 100) + '%20' + good.slice(100), /re-encoded/],
      ['a newer format', '#parley=v2.' + good.slice(11), /newer version of Parley/],
      ['a deflate bomb', bomb, /unpacks to more than 64 MB/],
    ];
    for (const [what, hash, message] of cases) {
      await visitHash(page, hash);
      await findItem(page, 'This link could not be opened');
      const said = (await named(page, 'link-problem')).label;
      assert.match(said, message, `${what}: ${said}`);
      assert.ok(await named(page, 'link-unchanged'), `${what}: says the draft has not changed`);
      if (what === 'a deflate bomb') await screenshot(page, 'share-link-bomb');
      await closeModal(page);
      assert.equal(await documentText(page), before, `${what}: the open draft changed`);
    }

    // Unpacks, but is not a Parley draft: the import says what and where, as for a file.
    const importCases = [
      ['not JSON', new TextEncoder().encode('Dear colleagues, please see the attached draft.'), /Line 1, column 1/],
      ['JSON but not a draft', new TextEncoder().encode('{"hello": "world"}\n'), /kind|format|required|missing/i],
      ['invalid UTF-8', Uint8Array.from([...new TextEncoder().encode('{"title": "caf'), 0xE9, ...new TextEncoder().encode('"}')]), /UTF-8/],
    ];
    for (const [what, bytes, message] of importCases) {
      await visitHash(page, await linkOf(bytes));
      await findItem(page, 'This file could not be opened');
      const listed = (await items(page)).filter((it) => it.window.startsWith('This file could not be opened') && /Line|UTF|\//.test(it.label));
      assert.ok(listed.some((it) => message.test(it.label)), `${what}: ${listed.map((it) => it.label).join(' | ')}`);
      if (what === 'invalid UTF-8') await screenshot(page, 'share-link-not-a-draft');
      await closeModal(page);
      assert.equal(await documentText(page), before, `${what}: the open draft changed`);
    }

    // An ordinary anchor is not ours: nothing is said, nothing changes, the address keeps it.
    await page.goto(page.url().split('#')[0] + '#section-2');
    await page.waitForTimeout(200);
    await settled(page);
    assert.equal(await page.evaluate(() => location.hash), '#section-2');
    assert.equal((await items(page)).some((it) => /could not be opened/.test(it.window)), false);
    assert.equal(await documentText(page), before);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a link opened over unsaved work asks first: Keep my draft keeps it, Discard opens the link', async () => {
    const { page } = await freshPage(shared.server.url);
    await typeTitle(page, 'My own unsaved words');
    const hash = await linkOf(new TextEncoder().encode(example));
    await visitHash(page, hash);
    await findItem(page, 'Discard unsaved changes?');
    await screenshot(page, 'share-link-confirm');
    await clickItem(page, 'Keep my draft');
    await settled(page);
    assert.equal(await documentTitle(page), 'My own unsaved words');

    await visitHash(page, hash);   // a second link in the same tab (hashchange) works too
    await clickItem(page, 'Discard and open the draft from the link');
    await settled(page);
    assert.equal(await documentText(page), example);
    await page.close();
  });

  test('with an autosaved draft waiting, its question comes first and the link then asks before replacing it', async () => {
    const { page } = await freshPage(shared.server.url);
    await typeTitle(page, 'Autosaved before the link came');
    await page.waitForFunction(() => localStorage.getItem('parley.autosave.v1') !== null);
    await page.close();

    const link = shared.server.url + await linkOf(new TextEncoder().encode(example));
    const other = await shared.browser.context.newPage();
    await other.goto(link);
    await other.evaluate(() => window.parley.ready);
    await findItem(other, 'Restore your unsaved draft?');
    await clickItem(other, 'Restore it');
    await settled(other);
    await findItem(other, 'Discard unsaved changes?');
    await clickItem(other, 'Keep my draft');
    await settled(other);
    assert.equal(await documentTitle(other), 'Autosaved before the link came', 'the restored work was kept');
    await other.evaluate(() => localStorage.clear());
    await other.close();
  });

  test('where the clipboard is refused the window says so and the link can be copied by hand', async () => {
    const { page } = await freshPage(shared.server.url);
    await page.addInitScript(() => {
      const original = navigator.clipboard.writeText.bind(navigator.clipboard);
      window.__parleyRefuseClipboard = true;
      navigator.clipboard.writeText = (t) => window.__parleyRefuseClipboard
        ? Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) : original(t);
    });
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    assert.equal((await page.evaluate((t) => window.parley.load(t), unicodeExample)).ok, true);
    await page.evaluate(() => { window.__parleyRefuseClipboard = false; return navigator.clipboard.writeText('nothing yet'); });
    await page.evaluate(() => { window.__parleyRefuseClipboard = true; });
    await clickItem(page, 'File');
    await clickItem(page, 'Copy share link');
    await findItem(page, 'Share link');
    assert.match((await named(page, 'share-headline')).label, /did not let Parley use the clipboard/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'nothing yet');
    await screenshot(page, 'share-link-refused');

    // Select the link by hand and copy it with the keyboard (the browser's own copy event).
    const field = (await items(page)).find((it) => it.name.endsWith('##share-link'));
    await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
    await settled(page);
    await page.keyboard.press(`${primary}+A`);
    await page.keyboard.press(`${primary}+C`);
    await settled(page);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /#parley=v1\.[A-Za-z0-9_-]+$/);
    const back = await S.readFragment(new URL(copied).hash, 64 << 20);
    assert.equal(JSON.parse(Buffer.from(back.bytes).toString('utf8')).title, UNICODE_TITLE);
    await page.close();
  });

  test('a draft too large for any address is not offered as a link', async () => {
    const { page } = await freshPage(shared.server.url);
    const doc = JSON.parse(example);
    // About 3 MB of text that does not compress: its link would pass Chromium's 2 MB.
    let seed = 7;
    const words = [];
    for (let i = 0; i < 420000; i++) {
      let w = '';
      for (let k = 0; k < 6; k++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; w += String.fromCharCode(97 + (seed >> 8) % 26); }
      words.push(w);
    }
    doc.summary = { ...(doc.summary || {}), text: words.join(' ') };
    assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(doc, null, 2) + '\n')).ok, true);
    await copyShareLink(page);
    assert.match((await named(page, 'share-headline')).label, /too large to send as a link/);
    assert.match((await named(page, 'share-length')).label, /\d,\d{3},\d{3} characters/);
    assert.equal((await items(page)).some((it) => it.name.endsWith('##share-link')), false, 'no link is offered');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'nothing yet', 'nothing was copied');
    await screenshot(page, 'share-link-too-long');
    await closeModal(page);
    await page.close();
  });
});
