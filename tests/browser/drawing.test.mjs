// Drawing without a graphics card (issue 15): council laptops behind remote desktops draw
// WebGL in software (SwiftShader, as these tests run), where filling pixels costs far more
// than the app's own work. These tests hold what src/platform/present.h promises: a frame
// that looks like the last is not drawn, a changed frame is drawn only where it changed and
// looks exactly as if drawn in full, and nothing held down or left over keeps the app drawing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, revealItem, findItem, clickItem, settled, waitIdle } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const VIEW = { width: 1280, height: 800 };
const stats = (page) => page.evaluate(() => window.parley.stats());

async function openDraft(page, doc) {
  assert.equal(await page.evaluate((t) => window.parley.load(t).ok, JSON.stringify({ format: 'parley', version: 1, id: 'doc-drawing',
    kind: 'response', status: 'draft', ...doc })), true);
  await settled(page);
}

test('typing into a one-line field draws at most one frame a key, and only around what changed', async () => {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: VIEW });
  await openDraft(page, { title: 'Response to the ILACS consultation' });
  const field = await revealItem(page, (it) => it.name === '##title');
  await page.mouse.click(field.x + field.w - 20, field.y + field.h / 2);   // the caret at the end
  await settled(page);
  await page.waitForTimeout(700);   // the click's hover and focus frames are over
  await settled(page);
  const before = await stats(page);
  const typed = ' from the ADCS';
  await page.keyboard.type(typed, { delay: 60 });
  await settled(page);
  const after = await stats(page);
  assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'Response to the ILACS consultation' + typed);
  const drawn = after.framesDrawn - before.framesDrawn;
  // One a key; one more at most for the status bar noting the unsaved change.
  assert.ok(drawn <= typed.length + 1, `${drawn} frames drawn for ${typed.length} keys`);
  assert.ok(drawn >= typed.length / 2, `only ${drawn} frames drawn for ${typed.length} keys: were the keys shown?`);
  // The last key's frame redrew a few characters of the title, not the window.
  assert.ok(after.drawnPart < 0.02, `the last key redrew ${(after.drawnPart * 100).toFixed(1)} % of the window`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a frame drawn in part looks exactly like the same frame drawn in full', async () => {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: VIEW });
  await openDraft(page, { title: 'Drawn in parts', organisations: [{ id: 'org-lga', name: 'Local Government Association', short_name: 'LGA' }],
    summary: { position: 'partly_agree', text: 'We welcome the proposal in part.' } });
  // A run of partial frames: typing, a menu opened and closed, a hover, a click elsewhere.
  const field = await revealItem(page, (it) => it.name === '##title');
  await page.mouse.click(field.x + field.w - 20, field.y + field.h / 2);
  await page.keyboard.type(', second draft', { delay: 30 });
  await page.keyboard.press('Tab');
  await clickItem(page, 'File');
  await settled(page);
  await page.keyboard.press('Escape');
  const button = await findItem(page, 'Add a co-signatory');
  await page.mouse.move(button.x + 10, button.y + 10);
  await settled(page);
  await page.mouse.move(VIEW.width - 60, VIEW.height - 80);   // over nothing: no tooltip to come
  await page.mouse.wheel(0, 120);
  await settled(page);
  await page.waitForTimeout(700);
  await settled(page);
  const parts = await page.screenshot();
  await page.evaluate(() => window.parley.testing.redraw());
  await settled(page);
  assert.ok((await stats(page)).drawnPart === 1, 'the redraw drew the whole window');
  const whole = await page.screenshot();
  assert.ok(parts.equals(whole), 'the window drawn in parts differs from the same window drawn in full');
  assert.deepEqual(problems, []);
  await page.close();
});

test('after Ctrl+= in a long-text box Parley stops drawing (Ctrl is let go of)', async () => {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: VIEW });
  await openDraft(page, { title: 'Zoom while writing', summary: { position: 'agree', text: 'Words in the summary. '.repeat(30) } });
  const field = await revealItem(page, (it) => it.name === 'Summary##summary/text');
  await page.mouse.click(field.x + field.w / 2, field.y + 12);
  await settled(page);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'TEXTAREA');
  await page.keyboard.press('Control+Equal');
  await settled(page);
  await waitIdle(page);   // throws if frames go on with nothing happening
  await page.keyboard.press('Control+0');
  await settled(page);
  await waitIdle(page);
  assert.deepEqual(problems, []);
  await page.close();
});
