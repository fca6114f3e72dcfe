// Never lose work: the open draft is copied to the browser's storage as the user types; after
// a reload (or a crash, or a closed tab) Parley offers it back; saving to a file removes the
// copy; storage that is blocked or full is reported plainly. The copies' texts are kept in
// IndexedDB and listed in a small index in localStorage under KEY (web/autosave.js); several
// tabs, a full IndexedDB and a 10 MB draft are in autosave-tabs.test.mjs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, screenshot, SAVE_TO_DOWNLOADS } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const KEY = 'parley.autosave.v1';
const documentTitle = async (page) => JSON.parse(await page.evaluate(() => window.parley.document())).title;

async function freshPage(initScript) {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url);
  await page.evaluate(() => localStorage.clear());
  if (initScript) await page.addInitScript(initScript);
  page.on('dialog', (d) => d.accept());   // "leave site?" on reload: yes
  await page.reload();
  await page.evaluate(() => window.parley.ready);
  return { page, problems };
}

async function typeTitle(page, text) {
  await clickItem(page, 'title');
  await page.keyboard.type(text);
  await settled(page);
}

describe('autosave', () => {
  test('typing is kept in storage; after a reload Parley offers it back and restores it', async () => {
    const { page, problems } = await freshPage();
    await typeTitle(page, 'Response drafted before the crash – ŵ');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    const index = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(Object.values(index.copies).map((c) => c.title), ['Response drafted before the crash – ŵ']);

    await page.reload();
    await page.evaluate(() => window.parley.ready);
    await findItem(page, 'Restore your unsaved draft?');
    await screenshot(page, 'autosave-offer');
    await clickItem(page, 'Restore it');
    await settled(page);
    assert.equal(await documentTitle(page), 'Response drafted before the crash – ŵ');
    assert.match(await page.title(), /^• /, 'restored work is still not saved to a file');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('discarding the offered copy asks first, then removes it', async () => {
    const { page } = await freshPage();
    await typeTitle(page, 'Not wanted');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    await clickItem(page, 'Discard it');
    await settled(page);
    assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'not before the answer');
    await clickItem(page, 'Yes, discard it');
    await settled(page);
    await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
    assert.equal(await documentTitle(page), '');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    await page.close();
  });

  test('saving to a file removes the stored copy', async () => {
    const { page } = await freshPage(SAVE_TO_DOWNLOADS);
    await typeTitle(page, 'Saved properly');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    const download = page.waitForEvent('download');
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+S' : 'Control+S');
    await download;
    await page.waitForFunction((k) => localStorage.getItem(k) === null, KEY);
    await page.close();
  });

  test('storage blocked (private window, policy): the status bar says autosave is off, and why', async () => {
    const { page } = await freshPage(() => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }));
    await typeTitle(page, 'Typed where storage is blocked');
    await clickItem(page, 'Autosave is off: save to a file', { timeout: 5000 });
    await findItem(page, 'Autosave is off');
    await screenshot(page, 'autosave-blocked');
    assert.equal(await documentTitle(page), 'Typed where storage is blocked', 'typing goes on regardless');
    await page.close();
  });

  test('storage full: reported the same way, at once', async () => {
    const { page } = await freshPage(() => {
      Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
    });
    await typeTitle(page, 'A draft too big for storage');
    await findItem(page, 'Autosave is off: save to a file', { timeout: 5000 });
    await page.close();
  });
});
