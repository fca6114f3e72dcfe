// Running out of memory must not lose the user's work: the module stops at its own ceiling
// (1 GB, CMakeLists.txt), the page stays up, says what happened, and gives back the last
// autosaved draft, both as a download and as the copy Parley offers after a reload.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, screenshot } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const KEY = 'parley.autosave.v1';

describe('memory', () => {
  test('when Parley runs out of memory the page says so and gives the unsaved draft back', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await page.evaluate(() => localStorage.clear());
    await clickItem(page, 'title');
    await page.keyboard.type('Draft typed before memory ran out – ŵ');
    await settled(page);
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);

    // Take memory 64 MB at a time until the module's allocation fails.
    const stoppedAfter = await page.evaluate(async () => {
      for (let i = 1; i <= 40; i++) {
        try { window.parley.testing.holdMemory(64); } catch (err) { return i; }
        if (!document.getElementById('failure').hidden) return i;
      }
      return -1;
    });
    assert.ok(stoppedAfter > 1 && stoppedAfter <= 17, `stopped after ${stoppedAfter} blocks of 64 MB (a 1 GB ceiling)`);
    await page.waitForSelector('#failure:not([hidden])');
    assert.equal(await page.textContent('#failure-title'), 'Parley ran out of memory');
    assert.match(await page.textContent('#failure-text'), /reload the page and Parley offers it back/);
    await screenshot(page, 'out-of-memory');

    // The download is the draft as autosaved.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#failure-download')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(JSON.parse(text).title, 'Draft typed before memory ran out – ŵ');

    // And a reload offers it back.
    page.on('dialog', (d) => d.accept());
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    await findItem(page, 'Restore your unsaved draft?');
    await clickItem(page, 'Restore it');
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'Draft typed before memory ran out – ŵ');
    await page.close();
  });
});
