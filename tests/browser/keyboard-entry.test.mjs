// Keyboard alone from the first moment (issue 14, part 2): the page has the keyboard when
// Parley has loaded, so Tab works without a click; F10 or a lone Alt put it on the menu bar,
// arrows move along and into the menus, Enter acts, Escape (or F10, or Alt) goes back to the
// page. Before: nothing had focus until a click, and the menu bar could not be reached at all.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, items, settled, screenshot } from './helpers.mjs';
import { focusMirrored } from './a11y.mjs';

const shared = sharedBrowserAndServer();

const focused = async (page) => (await items(page)).find((it) => (it.flags || []).includes('focused'));
const press = async (page, ...keys) => { for (const key of keys) { await page.keyboard.press(key); await settled(page); } };
// A fresh page, drawn and idle, that nothing has clicked.
async function freshPage() {
  const opened = await openParley(shared.browser.context, shared.server.url);
  await settled(opened.page);
  return opened;
}

describe('keyboard entry', () => {
  test('Tab works at once after loading, with no click', async () => {
    const { page, problems } = await freshPage();
    assert.equal(await focused(page), undefined, 'nothing is focused before a key');
    await press(page, 'Tab');
    const first = await focused(page);
    assert.ok(first, 'Tab focused an item');
    assert.match(first.window, /^Document\/Page/, `the focused item is on the page, not ${first.window}`);
    assert.equal(first.label, 'Consultation response', 'the first control of the page, not the outline or the page as a box');
    await press(page, 'Tab');
    const second = await focused(page);
    assert.ok(second && second.id !== first.id, 'a second Tab moves on');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('F10 puts the keyboard on File; arrows move along the bar; Escape goes back to the page', async () => {
    const { page, problems } = await freshPage();
    await press(page, 'Tab');
    const onPage = await focused(page);
    await press(page, 'F10');
    let f = await focused(page);
    assert.equal(f && f.label, 'File', 'F10 highlights File');
    await screenshot(page, 'keyboard-f10-file');
    await press(page, 'ArrowRight');
    f = await focused(page);
    assert.equal(f && f.label, 'Edit', 'Right moves to the next menu');
    await press(page, 'ArrowLeft');
    assert.equal((await focused(page)).label, 'File');
    await press(page, 'Enter');
    const labels = (await items(page)).map((it) => it.label);
    assert.ok(labels.includes('New consultation response'), 'Enter opens the File menu');
    await screenshot(page, 'keyboard-file-menu');
    await press(page, 'Escape');   // closes the menu, the keyboard stays on the bar
    assert.ok(!(await items(page)).some((it) => it.label === 'New consultation response'), 'Escape closed the menu');
    assert.equal((await focused(page)).label, 'File');
    await press(page, 'Escape');   // leaves the bar
    f = await focused(page);
    assert.ok(f && /^Document/.test(f.window), `Escape went back to the page (${f && f.window} ${f && f.label})`);
    assert.equal(f.id, onPage.id, 'to the item that had the keyboard');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a lone Alt does the same, Alt again goes back, and Alt with another key does not', async () => {
    const { page, problems } = await freshPage();
    await press(page, 'Tab');
    await press(page, 'Alt');
    assert.equal((await focused(page)).label, 'File', 'Alt highlights File');
    await press(page, 'Alt');
    assert.match((await focused(page)).window, /^Document/, 'Alt again goes back to the page');
    await press(page, 'Alt+KeyX');
    assert.match((await focused(page)).window, /^Document/, 'Alt+X is not a way to the menu bar');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a menu item chosen by keyboard acts, and the keyboard goes back to the page', async () => {
    const { page, problems } = await freshPage();
    await press(page, 'F10');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');   // File, Edit, Compare, Review, View
    await press(page, 'ArrowRight');
    assert.equal((await focused(page)).label, 'View');
    await press(page, 'Enter');
    const zoomIn = (await items(page)).find((it) => /^Zoom in/.test(it.label));
    assert.ok(zoomIn, 'the View menu is open');
    for (let i = 0; i < 20 && (await focused(page))?.label !== zoomIn.label; i++) await press(page, 'ArrowDown');
    assert.equal((await focused(page)).label, zoomIn.label);
    await press(page, 'Enter');
    const stats = await page.evaluate(() => window.parley.stats());
    assert.ok(!(await items(page)).some((it) => /^Zoom in/.test(it.label)), 'the menu closed');
    assert.ok(await page.evaluate(() => window.parley.zoom ? window.parley.zoom() : null) !== 1 || stats, 'zoomed');
    const f = await focused(page);
    assert.ok(!f || /^Document/.test(f.window), `the keyboard is back on the page, not on the bar (${f && f.window})`);
    await press(page, 'Tab');
    assert.match((await focused(page)).window, /^Document/, 'Tab goes on in the page');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the outline is in the Tab order: Shift+Tab from the page reaches it, Tab past it comes back', async () => {
    const { page, problems } = await freshPage();
    await press(page, 'Tab');
    const first = await focused(page);
    assert.equal(first.label, 'Consultation response');
    await press(page, 'Shift+Tab');
    let f = await focused(page);
    assert.match(f.window, /^Document\/Outline/, `Shift+Tab from the page's first control goes to the outline (${f.window})`);
    assert.equal(f.label, 'Alternative proposals', "to the outline's last entry");
    await press(page, 'Tab');
    f = await focused(page);
    assert.equal(f.id, first.id, "Tab past the outline's last entry comes back to the page's first control");
    // Forward from the page's last control (End goes there) to the outline's first entry.
    await press(page, 'End', 'Tab');
    f = await focused(page);
    assert.deepEqual([f.window.replace(/_.*/, ''), f.label], ['Document/Outline', 'Details'], 'Tab past the page goes to the outline');
    await press(page, 'Enter');   // the outline's entries act on Enter: the page jumps
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('what was just added has the keyboard: Add a question puts it in the new question', async () => {
    const { page, problems } = await freshPage();
    // Reach Add a question as a screen reader user would (its own focus), then Enter.
    await focusMirrored(page, 'button', 'Add a question');
    await settled(page);
    assert.equal((await focused(page)).label, 'Add a question');
    await press(page, 'Enter');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'parley-prose', 'the new question\'s text is being edited');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Question');
    await page.keyboard.type('How should inspections be notified?');
    await settled(page);
    await press(page, 'Escape');
    const doc = JSON.parse(await page.evaluate(() => window.parley.document()));
    assert.equal(doc.questions.length, 1);
    assert.equal(doc.questions[0].text, 'How should inspections be notified?', 'typing went into the question just added');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
