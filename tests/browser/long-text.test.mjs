// Long text without freezing, and every character kept (issue 17, "Long text without freezing").
// A prose field of 5 MB with no line break is wrapped only as far as it is shown (the rest a
// part a frame), a 5 MB paste through the real clipboard lands whole and typing after it
// re-wraps only around the caret, and text holding U+0000 keeps it through typing and saving.
// The work is counted (window.parley.stats().charsMeasured: characters measured to wrap prose),
// never timed: bench/long-text-bench.mjs has the times.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndServer, openParley, settled, revealItem, screenshot } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const MB = 1 << 20;

// Words with spaces and punctuation, no line break, the same every run.
function prose(bytes) {
  const words = ['inspection', 'framework', 'the', 'of', 'children', 'local', 'authority', 'evidence,', 'and', 'notice.'];
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length];
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

// A response whose summary (the first prose field, in view at the top of the page) holds `text`.
function draft(text) {
  return JSON.stringify({ format: 'parley', version: 1, id: 'doc-long', kind: 'response', title: 'Long text', status: 'draft',
    summary: { position: 'partly_agree', text } });
}

const stats = (page) => page.evaluate(() => window.parley.stats());
const textareaValue = (page) => page.evaluate(() => document.getElementById('parley-prose').value);
const caretInTextarea = (page) => page.evaluate(() => document.getElementById('parley-prose').selectionEnd);
const summary = (page) => page.evaluate(() => JSON.parse(window.parley.document()).summary.text);

// The summary field, scrolled into view with the real mouse wheel.
const summaryField = (page) => revealItem(page, (x) => x.name === 'Summary##summary/text');

describe('long text', () => {
  test('a 5 MB paragraph loads and draws, wrapping only what is in view at first', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    const text = prose(5 * MB);
    const framesBefore = (await stats(page)).frames;
    const loaded = await page.evaluate((t) => window.parley.load(t).ok, draft(text));
    assert.equal(loaded, true);
    // load() drew the page (a few frames): each wrapped the field's lines in view and at most
    // 1 MB more, never the whole 5 MB at once (each line used to search to the end of the text).
    const { charsMeasured: first, frames } = await stats(page);
    assert.equal(typeof first, 'number', 'the page reports the characters measured');
    const perFrame = first / Math.max(1, frames - framesBefore);
    assert.ok(first > 0 && perFrame < 1.2 * MB, `measured ${first} characters in ${frames - framesBefore} frames`);
    assert.ok((await summaryField(page)).h >= 60, 'the field shows lines of its text');
    // The rest is wrapped a part a frame; the whole costs about one pass over the text.
    await settled(page);
    await page.waitForFunction(() => window.parley.stats().charsMeasured > 4 * 1024 * 1024, null, { timeout: 20000 });
    const all = (await stats(page)).charsMeasured;
    assert.ok(all < 1.5 * text.length, `measured ${all} characters for a text of ${text.length}`);
    // Scrolling far down draws lines from the middle of the text, measuring only those.
    await page.mouse.move(640, 500);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 20000);
    await settled(page);
    const scrolled = (await stats(page)).charsMeasured;
    assert.ok(scrolled - all < 200000, `scrolling measured ${scrolled - all} more characters`);
    assert.equal(await summary(page), text, 'the text is unchanged');
    await screenshot(page, 'long-text-5mb');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('5 MB pasted through the clipboard lands whole, and typing after it re-wraps only near the caret', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    assert.equal(await page.evaluate((t) => window.parley.load(t).ok, draft('')), true);
    const it = await summaryField(page);
    await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    await settled(page);
    const text = prose(5 * MB);
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press(`${primary}+V`);
    await settled(page);
    await page.waitForFunction(() => !document.getElementById('parley-prose-clip').hidden, null, { timeout: 5000 });
    // The textarea holds a window of the text around the caret, never the 5 MB: Chromium takes
    // seconds to lay out a paragraph that long at each key.
    const held = await textareaValue(page);
    assert.ok(held.length > 1000 && held.length < 64 * 1024, `the textarea holds ${held.length} characters`);
    assert.ok(text.endsWith(held), 'the window is the end of the text, where the caret is');
    const afterPaste = (await stats(page)).charsMeasured;
    await page.keyboard.type(' and more');
    await settled(page);
    const afterTyping = (await stats(page)).charsMeasured;
    assert.ok(afterTyping - afterPaste < 50000, `typing 9 characters measured ${afterTyping - afterPaste} characters`);
    const body = await summary(page);
    assert.equal(body.length, text.length + 9, 'every character pasted and typed is in the draft');
    assert.ok(body === text + ' and more', 'the draft holds exactly what was pasted and typed');
    // Undo takes the typing away as one step, and the field follows.
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal((await summary(page)).length, text.length);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a long field is edited through a window of it: keys, Ctrl+Home/End, arrows, Ctrl+A, copy and undo act on the whole text', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    const text = prose(MB);
    assert.equal(await page.evaluate((t) => window.parley.load(t).ok, draft(text)), true);
    await settled(page);
    const before = await summaryField(page);
    await page.mouse.click(before.x + 100, before.y + 20);
    await settled(page);
    let held = await textareaValue(page);
    assert.ok(held.length > 1000 && held.length < 64 * 1024, `the textarea holds ${held.length} characters, not ${text.length}`);
    assert.ok(text.startsWith(held), 'clicked near the top: the window is the start of the text');
    const editing = (await page.evaluate(() => window.parley.items())).find((x) => x.name === 'Summary##summary/text');
    assert.ok(Math.abs(editing.h - before.h) < 0.02 * before.h, `the field keeps its height while edited (${before.h} -> ${editing.h})`);
    await screenshot(page, 'long-text-window-top');

    // Ctrl+End goes to the end of the whole text, not of the window; typing lands there.
    await page.keyboard.press(`${primary}+End`);
    await settled(page);
    held = await textareaValue(page);
    assert.ok(text.endsWith(held) && held.length < 64 * 1024, 'the window moved to the end of the text');
    assert.equal(await caretInTextarea(page), held.length, 'the caret is at the end');
    await page.keyboard.type('Z');
    await settled(page);
    assert.ok(await summary(page) === text + 'Z', 'Z was added at the end');

    // Ctrl+Home goes back to the start.
    await page.keyboard.press(`${primary}+Home`);
    await settled(page);
    assert.equal(await caretInTextarea(page), 0);
    await page.keyboard.type('A');
    await settled(page);
    assert.ok(await summary(page) === 'A' + text + 'Z', 'A was added at the start');

    // Arrow keys past the window's end take a new window around the caret; typing there lands
    // at the same place in the whole text.
    const start = (await textareaValue(page)).slice(0, 200);
    let moved = false;
    for (let i = 0; i < 40 && !moved; i++) {
      for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowDown');
      await settled(page);
      moved = (await textareaValue(page)).slice(0, 200) !== start;
    }
    assert.ok(moved, 'the window moved with the caret');
    held = await textareaValue(page);
    const caret = await caretInTextarea(page);
    assert.ok(caret > 1000 && held.length - caret > 1000, `the caret (${caret} of ${held.length}) is inside the new window, not at its edge`);
    const whole = 'A' + text + 'Z';
    await page.keyboard.type('M');
    await settled(page);
    // The text repeats, so where the window lies is told by where M landed: just after what
    // the window held before the caret, and the rest of the text unchanged around it.
    const all = await summary(page);
    const m = all.indexOf('M');
    assert.ok(m > 0 && all.length === whole.length + 1, `M is in the text (at ${m})`);
    assert.ok(all.slice(0, m) + all.slice(m + 1) === whole, 'only M was added');
    assert.ok(all.slice(m - caret, m) === held.slice(0, caret) && m - caret > 0, `M landed where the caret was, in a window that no longer starts at the text's start (M at ${m}, caret ${caret} of ${held.length}, ${JSON.stringify(all.slice(m - 30, m + 10))} / ${JSON.stringify(held.slice(caret - 30, caret + 10))})`);
    await screenshot(page, 'long-text-window-middle');

    // Ctrl+A selects the whole text: copy gives all of it, typing replaces all of it.
    await page.keyboard.press(`${primary}+A`);
    await settled(page);
    await screenshot(page, 'long-text-window-all');
    await page.keyboard.press(`${primary}+C`);
    assert.equal((await page.evaluate(() => navigator.clipboard.readText())).length, all.length, 'the clipboard holds the whole text');
    await page.keyboard.type('x');
    await settled(page);
    assert.equal(await summary(page), 'x');
    assert.equal(await textareaValue(page), 'x');
    // Undo brings the whole text back, and the textarea a window of it.
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.ok(await summary(page) === all, 'undo brought the whole text back');
    held = await textareaValue(page);
    assert.ok(held.length < 64 * 1024 && all.includes(held), 'the textarea holds a window of the text again');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('text holding U+0000 keeps it through typing and saving', async () => {
    // Tall enough that the short summary field is wholly in view.
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 1100 } });
    const loaded = await page.evaluate((t) => window.parley.load(t).ok, draft('a\u0000b'));
    assert.equal(loaded, true);
    const it = await summaryField(page);
    await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    await settled(page);
    await page.keyboard.press(`${primary}+End`);
    await page.keyboard.type('c');
    await settled(page);
    await page.keyboard.press('Escape');
    await settled(page);
    const saved = await page.evaluate(() => window.parley.document());
    assert.equal(JSON.parse(saved).summary.text, 'a\u0000bc', 'the NUL and what follows it are kept');
    assert.ok(saved.includes('"a\\u0000bc"'), 'the saved JSON writes the NUL as \\u0000');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
