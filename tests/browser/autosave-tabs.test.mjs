// Autosave never loses work (issue 17), with several tabs, a full storage and a huge draft.
// Each tab keeps its own copy of each draft it edits (web/autosave.js); what is protected:
//   - two tabs editing two drafts keep two copies; saving in one removes only its own
//     (before: one shared copy, each tab overwrote the other's and a save deleted both);
//   - a tab opened while another is live never offers (or discards) that tab's copy; once
//     that tab is closed without saving, a new tab lists it with title and time, and Restore
//     brings back every word;
//   - several kept drafts are listed together; Discard asks first and removes only that one;
//     Download gives the copy as a file;
//   - a write that fails (storage over its quota) is reported at once, in the status bar and as
//     a notice, without waiting for the next key; when writing works again the status bar says
//     so; a copy written before storage filled is still removed by a proper save;
//   - a 10 MB draft (over localStorage's 5 million characters, where it used to go unsaved) is
//     kept and restored whole.
// Tabs are pages of one browser context: they share storage and Web Locks, as tabs do.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, sharedBrowserAndServer, clickItem, findItem, items, settled, screenshot } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-autosave-tabs-'));
const BIG = path.join(tmp, 'draft-10mb.parley.json');
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const RECOVERY = 'Restore your unsaved draft?';
const RECOVERY_MANY = 'Restore your unsaved drafts?';
const RECOVERY_ONE = 'Restore your unsaved draft?';

before(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'bench/make-draft.mjs'), BIG, '10']);
});

// A tab: saving downloads (no file picker), "Leave site?" is answered yes. Its storage fills
// up while window.__parleyStorageFull is set: IndexedDB then refuses writes as a full disk or
// a spent quota does (Chromium's quota override over CDP binds only at a database's first
// opening, too late for a storage that fills while a draft is open).
async function openTab() {
  const page = await shared.browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => d.accept());
  await page.addInitScript(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__parleyStorageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto(shared.server.url);
  await page.evaluate(() => window.parley.ready);
  page.problems = problems;
  return page;
}

// The first tab of a test: no copies left by earlier tests (the index is what is offered).
async function firstTab() {
  const page = await openTab();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => window.parley.ready);
  return page;
}

// The copies the browser keeps, as the index lists them: [{key, tab, draft, title, size, time}].
const copies = (page) => page.evaluate(() => {
  const index = JSON.parse(localStorage.getItem('parley.autosave.v1') || '{"copies":{}}');
  return Object.entries(index.copies || {}).map(([key, c]) => ({ key, ...c }));
});
const copyTitles = async (page) => (await copies(page)).map((c) => c.title).sort();
// The texts kept in IndexedDB, by key.
const storedTexts = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('parley-autosave', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('copies', { keyPath: 'key' });
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('copies').objectStore('copies').getAll();
    all.onsuccess = () => { open.result.close(); resolve(Object.fromEntries(all.result.map((r) => [r.key, r.text]))); };
    all.onerror = () => reject(all.error);
  };
}));

async function waitForTitles(page, titles, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await copyTitles(page);
    if (JSON.stringify(now) === JSON.stringify([...titles].sort())) return;
    if (Date.now() > deadline) throw new Error(`kept copies ${JSON.stringify(now)}, expected ${JSON.stringify(titles)}`);
    await page.waitForTimeout(100);
  }
}

async function typeTitle(page, text) {
  await clickItem(page, 'title');
  await page.keyboard.type(text);
  await settled(page);
}

const documentText = (page) => page.evaluate(() => window.parley.document());
const labels = async (page) => (await items(page)).map((it) => it.label);
const hasItem = async (page, label) => (await labels(page)).includes(label);

async function save(page) {
  const download = page.waitForEvent('download');
  await page.keyboard.press(`${primary}+S`);
  return download;
}

describe('autosave with several tabs', () => {
  const ONE = 'Response of the first tab – ŵ, with its own words';
  const TWO = 'Proposal of the second tab';
  let one, oneDocument;

  test('two tabs, two drafts: both copies are kept, and saving in one removes only its own', async () => {
    one = await firstTab();
    const two = await openTab();
    await typeTitle(one, ONE);
    await typeTitle(two, TWO);
    await waitForTitles(one, [ONE, TWO]);
    const kept = await copies(one);
    assert.notEqual(kept[0].tab, kept[1].tab, 'each tab has its own copy');
    const texts = await storedTexts(one);
    for (const c of kept) assert.equal(JSON.parse(texts[c.key]).title, c.title, 'the text is kept in IndexedDB');

    await save(two);
    await waitForTitles(one, [ONE]);
    assert.deepEqual(Object.keys(await storedTexts(one)), [kept.find((c) => c.title === ONE).key]);
    assert.deepEqual(two.problems, []);
    await two.close();
  });

  test('a new tab does not offer a live tab\'s copy; once that tab is closed, a new tab offers it and Restore brings back every word', async () => {
    const other = await openTab();
    await settled(other);
    assert.equal(await hasItem(other, RECOVERY), false, 'a live tab\'s copy is not offered');
    await other.close();
    await waitForTitles(one, [ONE]);   // and nothing was removed

    oneDocument = await documentText(one);
    const key = (await copies(one))[0].key;
    await one.close();   // without saving

    const next = await openTab();
    await findItem(next, RECOVERY);
    await findItem(next, `\u201C${ONE}\u201D`);
    const about = (await items(next)).find((it) => it.name === 'copy-about' || it.name.endsWith('##copy-about'));
    assert.ok(about, 'the copy says what it is');
    assert.match(about.label, /kept \d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2}/, 'with the time it was kept');
    await screenshot(next, 'autosave-recovery-one');
    await clickItem(next, 'Restore it');
    await settled(next);
    assert.equal(await documentText(next), oneDocument, 'every word is back');
    assert.match(await next.title(), /^• /, 'and still not saved to a file');
    // The copy is this tab's now: still kept, under this tab, and a third tab does not offer it.
    const after = await copies(next);
    assert.equal(after.length, 1);
    assert.notEqual(after[0].key, key);
    const third = await openTab();
    await settled(third);
    assert.equal(await hasItem(third, RECOVERY), false);
    await third.close();
    assert.deepEqual(next.problems, []);
    await next.close();
  });

  test('several kept drafts are listed; Download gives one as a file; Discard asks, then removes only that one', async () => {
    const a = await firstTab();
    const b = await openTab();
    await typeTitle(a, 'Kept for later');
    await typeTitle(b, 'Not wanted any more');
    await waitForTitles(a, ['Kept for later', 'Not wanted any more']);
    const keyOf = async (page, title) => (await copies(page)).find((c) => c.title === title).key;
    const unwanted = await keyOf(a, 'Not wanted any more');
    const wanted = await keyOf(a, 'Kept for later');
    await a.close();
    await b.close();

    const page = await openTab();
    await findItem(page, RECOVERY_MANY);
    await findItem(page, '\u201CKept for later\u201D');
    await findItem(page, '\u201CNot wanted any more\u201D');
    await screenshot(page, 'autosave-recovery-list');

    const byName = async (name) => (await items(page)).find((it) => it.name === name);
    const click = async (name) => { const it = await byName(name); assert.ok(it, `no ${name}`); await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2); await settled(page); };

    const download = page.waitForEvent('download');
    await click(`Download##${wanted}`);
    const file = await (await download).path();
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).title, 'Kept for later');
    assert.equal((await download).suggestedFilename(), 'Kept for later.parley.json');

    await click(`Discard it##${unwanted}`);
    await findItem(page, 'Discard this draft for good? Its words cannot be brought back.');
    await screenshot(page, 'autosave-recovery-discard');
    assert.deepEqual(await copyTitles(page), ['Kept for later', 'Not wanted any more'], 'nothing removed before the answer');
    await click(`Yes, discard it##${unwanted}`);
    await waitForTitles(page, ['Kept for later']);
    await findItem(page, RECOVERY_MANY);   // one left: the list stays open
    assert.equal(await hasItem(page, '\u201CNot wanted any more\u201D'), false);
    await clickItem(page, 'Decide later');
    await settled(page);
    assert.equal(await hasItem(page, RECOVERY_MANY), false);
    assert.deepEqual(await copyTitles(page), ['Kept for later'], 'a decision put off keeps the copy');
    assert.equal(await documentText(page).then((t) => JSON.parse(t).title), '');

    // The File menu lists it again, to be dealt with now rather than at the next start.
    await clickItem(page, 'File');
    await clickItem(page, 'Unsaved drafts (1)...');
    await findItem(page, RECOVERY_ONE);
    await findItem(page, '\u201CKept for later\u201D');
    await screenshot(page, 'autosave-recovery-reopened');
    await clickItem(page, 'Decide later');
    await settled(page);
    assert.equal(await hasItem(page, RECOVERY_ONE), false);
    await page.close();
  });

  test('a full storage is reported at once, autosave coming back is said, and a proper save clears the stale copy', async () => {
    const page = await firstTab();
    await typeTitle(page, 'Written before storage filled');
    await waitForTitles(page, ['Written before storage filled']);

    const fill = (full) => page.evaluate((f) => { window.__parleyStorageFull = f; }, full);
    await fill(true);
    await page.keyboard.type(', and after');
    await settled(page);
    // No more input from here: the failure must show by itself.
    await findItem(page, 'Autosave is off: save to a file', { timeout: 5000 });
    await findItem(page, 'Autosave is off');   // the notice
    await screenshot(page, 'autosave-full-notice');
    assert.equal(JSON.parse(await documentText(page)).title, 'Written before storage filled, and after', 'typing goes on');

    await fill(false);   // room again
    await page.keyboard.type('!');
    // The warning goes by itself once a write works (the status bar then says "Autosave is back
    // on", as plain text that items() does not list).
    const deadline = Date.now() + 5000;
    while (await hasItem(page, 'Autosave is off: save to a file') && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(await hasItem(page, 'Autosave is off: save to a file'), false, 'autosave is back on');
    await waitForTitles(page, ['Written before storage filled, and after!']);

    // Full again, then saved: the copy kept before it filled must go with the save.
    await fill(true);
    await page.keyboard.type(' More.');
    await findItem(page, 'Autosave is off: save to a file', { timeout: 5000 });
    await save(page);
    await waitForTitles(page, []);
    assert.deepEqual(await storedTexts(page), {});
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    await settled(page);
    assert.equal(await hasItem(page, RECOVERY), false, 'a saved draft is not offered back');
    await page.close();
  });

  test('a 10 MB draft is autosaved and restored whole', async () => {
    const page = await firstTab();
    const chooser = page.waitForEvent('filechooser');
    await clickItem(page, 'File');
    await clickItem(page, 'Open...');
    await (await chooser).setFiles(BIG);
    await page.waitForFunction(() => JSON.parse(window.parley.document()).title !== '', null, { timeout: 60000 });
    await settled(page);
    await clickItem(page, 'title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await settled(page);
    const deadline = Date.now() + 60000;
    let kept = [];
    while (!(kept.length === 1 && kept[0].title.endsWith(' (edited)')) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      kept = await copies(page);
    }
    assert.equal(kept.length, 1, 'the huge draft has a copy');
    assert.ok(kept[0].size > 9.5e6, `its copy is ${kept[0].size} characters`);
    assert.equal(await hasItem(page, 'Autosave is off: save to a file'), false);
    const before = await documentText(page);
    await page.close();

    const next = await openTab();
    await findItem(next, RECOVERY);
    const about = (await items(next)).find((it) => it.name.endsWith('##copy-about'));
    assert.match(about.label, /\d+\.\d MB/);
    await clickItem(next, 'Restore it');
    await next.waitForFunction(() => JSON.parse(window.parley.document()).title.endsWith(' (edited)'), null, { timeout: 60000 });
    assert.equal(await documentText(next), before, 'every byte of the 10 MB draft is back');
    await next.evaluate(() => localStorage.clear());
    await next.close();
  });
});
