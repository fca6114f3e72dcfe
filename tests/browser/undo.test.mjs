// Undo and redo with the real keyboard and the Edit menu: a burst of typing is one step, a
// pause starts another, redo replays, and the document changes accordingly.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const title = async (page) => JSON.parse(await page.evaluate(() => window.parley.document())).title;

describe('undo and redo', () => {
  test('typing bursts undo step by step; redo replays; the kind choice is undoable too', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await clickItem(page, 'title');
    await page.keyboard.type('Joint response');
    await settled(page);
    await page.waitForTimeout(1300);   // a pause: the next typing is a new step
    await page.keyboard.type(' from ADCS');
    await settled(page);
    await clickItem(page, 'Framework proposal');
    await settled(page);

    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).kind, 'response');
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal(await title(page), 'Joint response');
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal(await title(page), '');

    await page.keyboard.press(`${primary}+Y`);
    await settled(page);
    assert.equal(await title(page), 'Joint response');
    await clickItem(page, 'Edit');
    await clickItem(page, 'Redo');
    await settled(page);
    assert.equal(await title(page), 'Joint response from ADCS');
    await page.keyboard.press(`${primary}+Shift+Z`);
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).kind, 'proposal');
    await clickItem(page, 'Edit');
    assert.ok((await findItem(page, 'Redo')).flags.includes('disabled'), 'nothing left to redo');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
