// Characters beyond U+FFFF (emoji, rarer CJK) in a one-line field survive being edited there:
// once they were each turned into U+FFFD, with a NUL byte after, as soon as the field was typed in.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, clickItem, settled } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const documentTitle = async (page) => JSON.parse(await page.evaluate(() => window.parley.document())).title;

describe('unicode in one-line fields', () => {
  test('an emoji already in the title and one typed after it are both kept', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    const title = 'Ünïcödé — 😀 “quotes” 𠜎';
    const doc = { format: 'parley', version: 1, id: 'doc-emoji', kind: 'response', title, status: 'draft' };
    assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(doc))).ok, true);
    await settled(page);
    await clickItem(page, 'title');
    await page.keyboard.press('End');
    await page.keyboard.type(' and 👍');
    await page.keyboard.press('Tab');
    await settled(page);
    const got = await documentTitle(page);
    assert.equal(got, `${title} and 👍`);
    assert.ok(!got.includes('\uFFFD') && !got.includes('\u0000'));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
