// Files in and out with real browser machinery: Save downloads <title>.parley.json with a new
// revision, Open (the browser's file chooser) brings it back byte for byte, a broken file is
// explained and changes nothing, a dropped file or pasted JSON opens, and leaving with unsaved
// changes asks first.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, openThroughChooser, screenshot, ROOT, SAVE_TO_DOWNLOADS } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-files-'));
const example = fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8');
const exampleTitle = JSON.parse(example).title;
const documentText = (page) => page.evaluate(() => window.parley.document());

// Browsers without the File System Access API (Firefox, Safari) save by downloading; Chromium
// would open its own save dialog, which a test cannot answer. Take the download path.
async function openWithoutSavePicker() {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url);
  await page.addInitScript(SAVE_TO_DOWNLOADS);
  await page.reload();
  await page.evaluate(() => window.parley.ready);
  return { page, problems };
}

describe('files', () => {
  test('Save downloads <title>.parley.json with a new revision; Open in a fresh page gives the same bytes', async () => {
    const { page, problems } = await openWithoutSavePicker();
    assert.equal((await page.evaluate((t) => window.parley.load(t), example)).ok, true);
    await clickItem(page, 'title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (ŵ draft)');
    await settled(page);
    assert.match(await page.title(), /^• /, 'the tab title shows unsaved changes');

    const download = page.waitForEvent('download');
    await page.keyboard.press(`${primary}+S`);
    const file = path.join(tmp, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await settled(page);
    assert.equal(path.basename(file), `${exampleTitle.replace(":", " -")} (ŵ draft).parley.json`);
    const saved = fs.readFileSync(file, 'utf8');
    assert.equal(saved, await documentText(page), 'the file is the document as it now is');
    const revisions = JSON.parse(saved).revisions;
    const before = JSON.parse(example).revisions;
    assert.equal(revisions.length, before.length + 1, 'saving records a revision');
    assert.equal(revisions.at(-1).parent, before.at(-1).id);
    assert.match(revisions.at(-1).time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.doesNotMatch(await page.title(), /^• /, 'saved: no unsaved mark');
    assert.deepEqual(problems, []);

    const fresh = await openParley(shared.browser.context, shared.server.url);
    await openThroughChooser(fresh.page, file);
    assert.equal(await documentText(fresh.page), saved, 'opened byte for byte');
    await screenshot(fresh.page, 'files-opened');
    await page.close();
    await fresh.page.close();
  });

  test('a cancelled save writes nothing and records no revision; the draft stays marked unsaved', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', {
      value: () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')) }));
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    assert.equal((await page.evaluate((t) => window.parley.load(t), example)).ok, true);
    await clickItem(page, 'title');
    await page.keyboard.type(' edited');
    await settled(page);
    await page.keyboard.press(`${primary}+S`);
    await page.waitForFunction(() => window.parley.stats().frames > 0);
    await page.waitForTimeout(300);
    await settled(page);
    const doc = JSON.parse(await documentText(page));
    assert.equal(doc.revisions.length, JSON.parse(example).revisions.length, 'a revision was recorded for a save that did not happen');
    assert.match(await page.title(), /^• /);
    // Its autosaved copy would be offered to the next tests: wait for it, then remove it.
    await page.waitForFunction(() => localStorage.getItem('parley.autosave.v1') !== null);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  test('a broken file is explained, problem by problem, and the open draft is untouched', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), example)).ok, true);
    const bad = path.join(tmp, 'broken.parley.json');
    fs.writeFileSync(bad, example.replace('"kind": "response"', '"kind": "memo"').replace('"status": "submitted"', '"status": 3'));
    await openThroughChooser(page, bad);
    await findItem(page, 'This file could not be opened');
    await findItem(page, 'Line 5, column 11  ·  /kind  ·  "memo" is not a kind Parley knows: expected proposal, response or workshop');
    await findItem(page, 'Line 7, column 13  ·  /status  ·  expected text, got the number 3');
    await screenshot(page, 'files-broken');
    assert.equal(await documentText(page), example);
    await clickItem(page, 'Close');
    await page.close();
  });

  test('a file that is not UTF-8 is refused, not silently mended', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    const bad = path.join(tmp, 'latin1.parley.json');
    const at = example.indexOf('Joint targeted') + 'Joint'.length;   // inside the title: "Joint\xE9 targeted", as Latin-1 would save é
    fs.writeFileSync(bad, Buffer.concat([Buffer.from(example.slice(0, at)), Buffer.from([0xE9]), Buffer.from(example.slice(at))]));
    await openThroughChooser(page, bad);
    const items = await page.evaluate(() => window.parley.items());
    assert.ok(items.some((it) => /\/title  ·  the file is not valid JSON: the file is not valid UTF-8 here \(byte 0xE9\)/.test(it.label)), 'no UTF-8 problem listed');
    await page.close();
  });

  test('a file dropped on the page opens', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.parley.json', { type: 'application/json' }));
      document.querySelector('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, example);
    await page.waitForFunction((t) => window.parley.document() === t, example);
    await page.close();
  });

  test('JSON text pasted outside a text field opens as a document', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await page.evaluate((t) => navigator.clipboard.writeText(t), example);
    await page.mouse.click(40, 300);   // the page margin: no text field has the focus
    await page.keyboard.press(`${primary}+V`);
    await settled(page);
    assert.equal(await documentText(page), example);
    await page.close();
  });

  test('leaving with unsaved changes asks first', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await clickItem(page, 'title');
    await page.keyboard.type('Words not yet saved');
    await settled(page);
    const asked = new Promise((resolve) => page.on('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    await page.close();
  });
});
