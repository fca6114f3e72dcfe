// Who is using this browser: said once (File > Your name and organisation...), remembered by the
// browser across visits and never written into the draft by itself; a save's revision then
// names that person and organisation, so a merged draft says who wrote what.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, clickItem, items, settled, screenshot, ROOT } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const example = fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8');

async function openParley(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  await page.goto(url);
  await page.evaluate(() => window.parley.ready);
  return { page, problems };
}

describe('who you are', () => {
  test('asked once, remembered by the browser, and carried by the revision a save adds', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), example)).ok, true);
    await settled(page);
    await clickItem(page, 'File');
    await clickItem(page, 'Your name and organisation...');
    await clickItem(page, '##identity-name', { window: 'Who are you?' }).catch(async () => {
      const it = (await items(page)).find((x) => x.name === '##identity-name');
      await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    });
    await page.keyboard.type('Siân Ó Briain');
    await clickItem(page, 'LGA', { window: 'Who are you?' });     // the draft's own organisations, one click each
    await screenshot(page, 'identity-modal');
    await clickItem(page, 'OK', { window: 'Who are you?' });
    await settled(page);
    assert.ok(!(await items(page)).some((it) => it.window.startsWith('Who are you?')), 'the modal stayed open');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('parley.identity.v1')));
    assert.deepEqual(stored, { name: 'Siân Ó Briain', organisation: 'LGA' });
    // Saying who you are is not an edit of the draft.
    assert.ok(!(await page.title()).startsWith('\u2022'), await page.title());

    const download = page.waitForEvent('download');
    await clickItem(page, 'File');
    await clickItem(page, 'Save');
    const saved = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
    const last = saved.revisions[saved.revisions.length - 1];
    assert.equal(last.organisation, 'LGA');
    assert.equal(last.author, 'Siân Ó Briain');
    await page.close();

    // A later visit in the same browser knows it, without being asked: its save says who.
    const again = await openParley(shared.browser.context, shared.server.url);
    assert.equal((await again.page.evaluate((t) => window.parley.load(t), example)).ok, true);
    await settled(again.page);
    const second = again.page.waitForEvent('download');
    await clickItem(again.page, 'File');
    await clickItem(again.page, 'Save');
    const resaved = JSON.parse(fs.readFileSync(await (await second).path(), 'utf8'));
    assert.equal(resaved.revisions[resaved.revisions.length - 1].author, 'Siân Ó Briain');
    assert.ok(!(await items(again.page)).some((it) => it.window.startsWith('Who are you?')), 'asked again');
    assert.deepEqual([...problems, ...again.problems], []);
    await again.page.close();
  });
});
