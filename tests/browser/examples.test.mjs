// File > Examples opens each bundled example with the real mouse; what the app then holds is
// exactly the example file (canonical bytes), and it asks before discarding typed work.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, screenshot } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exampleDir = path.join(root, 'assets/examples');
const examples = fs.readdirSync(exampleDir).filter((f) => f.endsWith('.parley.json')).sort()
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(exampleDir, f), 'utf8') }));

const shared = sharedBrowserAndServer();

async function openExample(page, title, { discard = false } = {}) {
  await clickItem(page, 'File');
  await clickItem(page, 'Examples');
  await clickItem(page, title);
  await settled(page);
  if (discard) await clickItem(page, 'Discard and open the example');   // the open document has text
  await settled(page);
}

describe('File > Examples', () => {
  test('every example opens from the menu and the app holds exactly the file', async () => {
    assert.ok(examples.length >= 5, 'fewer than five examples');
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    for (const ex of examples) {
      const title = JSON.parse(ex.text).title;
      await openExample(page, title);   // an unedited example is replaced without asking
      assert.equal(await page.evaluate(() => window.parley.document()), ex.text, `${ex.file} changed on the way in`);
      await screenshot(page, `example-${ex.file.replace('.parley.json', '')}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('opening an example over unsaved typed work asks first, and keeping the draft keeps it', async () => {
    const { page } = await openParley(shared.browser.context, shared.server.url);
    await clickItem(page, 'title');
    await page.keyboard.type('My own draft');
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'My own draft');
    const title = JSON.parse(examples[0].text).title;
    await openExample(page, title);
    await screenshot(page, 'example-confirm');
    await clickItem(page, 'Keep my draft');
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'My own draft');
    await openExample(page, title);
    await clickItem(page, 'Discard and open the example');
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, title);
    await findItem(page, 'title');
    await page.close();
  });
});
