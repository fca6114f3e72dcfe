// Huge but valid drafts stay usable (issue 17): a 10 MB joint response (709 question cards,
// 60 regimes) and a proposal of 10,000 regimes, opened with File > Open and used with the real
// wheel, mouse and keyboard. What is protected, without timing anything:
//   - a frame lays out only the cards in view (window.parley.stats().blocksDrawn counts them;
//     before, every card was laid out every frame: 82-173 ms a frame while scrolling), so
//     items() stays a few hundred entries long where it listed every item of every card;
//   - the outline, the "Based on" list and items() stay bounded with 10,000 regimes (before:
//     15-21 s a frame for 3,000 regimes' list, and items() aborted the app at 10,000);
//   - jumping to a card far down (outline), and Tab from card to card, still work for cards
//     that were not laid out: the page uses the heights it remembers.
// The drafts are generated here: bench/make-draft.mjs for the 10 MB one.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, sharedBrowserAndServer, openParley, clickItem, findItem, settled, items, revealItem, manyRegimesDraft, screenshot } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-huge-'));
const BIG = path.join(tmp, 'draft-10mb.parley.json');
const REGIMES = path.join(tmp, 'regimes-10000.parley.json');
let big;   // the 10 MB draft, parsed

before(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'bench/make-draft.mjs'), BIG, '10']);
  big = JSON.parse(fs.readFileSync(BIG, 'utf8'));
  fs.writeFileSync(REGIMES, JSON.stringify(manyRegimesDraft(10000, 'Ten thousand regimes'), null, 2));
});

async function openThroughChooser(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, 'File');
  await clickItem(page, 'Open...');
  await (await chooser).setFiles(file);
}

// The draft is open once the outline lists its first question.
async function opened(page) {
  const q = big.questions[0];
  const deadline = Date.now() + 60000;
  while (!(await items(page)).some((it) => it.window.startsWith('Document/Outline') && it.label.startsWith(`${q.number || 1}  `))) {
    if (Date.now() > deadline) throw new Error('the 10 MB draft did not open within a minute');
    await page.waitForTimeout(200);
  }
  await settled(page);
}
const stats = (page) => page.evaluate(() => window.parley.stats());
const pageWindow = async (page) => (await items(page)).find((it) => it.window.startsWith('Document/Page') && it.label === it.window);
// Question ids whose cards are in view, top to bottom: a card is known by the ids in the names
// of its items ("Move up##q-...", "Reasoning##ans-.../reasoning"); an answer stands for its question.
let owner;
async function questionsInView(page) {
  if (!owner) {
    owner = new Map(big.questions.map((q, i) => [q.id, i]));
    for (const a of big.answers) owner.set(a.id, owner.get(a.question));
  }
  const found = new Set();
  for (const it of (await items(page)).filter((x) => x.window.startsWith('Document/Page') && !x.flags.includes('clipped')).sort((a, b) => a.y - b.y))
    for (const id of it.name.match(/\b(q|ans)-[a-z2-7]{12}\b/g) || [])
      if (owner.has(id)) found.add(owner.get(id));
  return [...found].map((i) => big.questions[i].id);
}
async function wheelOverPage(page, dy) {
  const win = await pageWindow(page);
  await page.mouse.move(win.x + win.w / 2, win.y + win.h / 2);
  await page.mouse.wheel(0, dy);
  await settled(page);
}

describe('huge drafts', () => {
  test('scrolling the 10 MB draft lays out only the cards in view, and items() stays short', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    await openThroughChooser(page, BIG);
    await opened(page);
    const total = big.questions.length + big.general_points.length + big.regimes.length;   // a response's cards
    const index = new Map(big.questions.map((q, i) => [q.id, i]));
    let furthest = -1, most = 0, longest = 0;
    for (let step = 0; step < 40; step++) {
      await wheelOverPage(page, 900);
      const s = await stats(page);
      const list = await items(page);
      most = Math.max(most, s.blocksDrawn);
      longest = Math.max(longest, list.length);
      assert.ok(s.blocksDrawn + s.blocksSkipped >= total - 1, `every card is either laid out or stands in by its height (${s.blocksDrawn} + ${s.blocksSkipped} of ${total})`);
      const seen = await questionsInView(page);   // none yet while the details and organisations fill the view
      if (seen.length === 0) { assert.equal(furthest, -1, `a question card is in view after ${step + 1} wheel notches`); continue; }
      const at = index.get(seen[0]);
      assert.ok(at >= furthest, `scrolling down never goes back up the list (question ${at + 1} after ${furthest + 1})`);
      furthest = at;
    }
    assert.ok(most <= 12, `a frame lays out the few cards in view, not all ${total}: at most ${most}`);
    assert.ok(longest < 1500, `items() lists what is laid out, not every item of every card: ${longest} entries`);
    assert.ok(furthest >= 5, `40 notches of the wheel went down past question ${furthest + 1} (each card is several screens tall)`);
    await screenshot(page, 'huge-draft-page');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the outline jumps to a card far down, and Tab goes on from card to card', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    await openThroughChooser(page, BIG);
    await opened(page);
    // Question 600 in the outline: wheel the outline down to it and click it.
    const target = 599, q = big.questions[target];
    const label = (it) => it.window.startsWith('Document/Outline') && it.label.startsWith(`${q.number || target + 1}  `);
    const entry = await revealItem(page, label, { window: 'Document/Outline', steps: 200 });
    await page.mouse.click(entry.x + entry.w / 2, entry.y + entry.h / 2);
    await settled(page);
    await settled(page);
    let seen = await questionsInView(page);
    assert.equal(seen[0], q.id, `the card of question ${target + 1} is at the top of the page (cards in view: ${seen.map((id) => big.questions.findIndex((x) => x.id === id) + 1)})`);
    // Tab through the card from its first item until the focus reaches the next card.
    const next = big.questions[target + 1].id;
    const move = (await items(page)).find((it) => it.name === `Move up##${q.id}`);
    const number = (await items(page)).filter((it) => it.label === 'number' && it.y > move.y).sort((a, b) => a.y - b.y)[0];
    await page.mouse.click(number.x + number.w / 2, number.y + number.h / 2);   // the question's number field
    await settled(page);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      await settled(page);
      const focused = (await items(page)).filter((it) => it.flags.includes('focused') || it.flags.includes('active'));
      assert.ok(focused.length >= 1, `after ${i + 1} Tabs an item has the keyboard focus`);
      reached = focused.some((it) => it.name.endsWith(next));
    }
    assert.ok(reached, 'Tab reached the next card, which was not laid out when the tabbing began');
    seen = await questionsInView(page);
    assert.ok(seen.includes(next), 'the page scrolled to keep the focused card in view');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('10,000 regimes: the outline, the "Based on" list and items() stay bounded, and the list finds by typing', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    await openThroughChooser(page, REGIMES);
    await findItem(page, 'Regime 00000', { window: 'Document/Outline', timeout: 60000 });
    let list = await items(page);
    assert.ok(list.length < 1500, `items() of the page with 10,000 regimes is short: ${list.length}`);
    assert.ok(!list.some((it) => it.note), 'and needs no cap');
    const outline = list.filter((it) => it.window.startsWith('Document/Outline'));
    assert.ok(outline.length < 200, `the outline lays out the lines in view: ${outline.length}`);

    const combo = await revealItem(page, (it) => it.name === '##based_on/reg-000000');
    await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h / 2);
    await settled(page);
    const rows = async () => (await items(page)).filter((it) => it.window.startsWith('##Combo') && it.label.startsWith('Regime ') && !it.flags.includes('clipped'));
    const first = await rows(page);
    assert.ok(first.length > 5 && first.length < 100, `the open list lays out the rows in view: ${first.length}`);
    await screenshot(page, 'huge-draft-based-on');
    const box = first[0];
    await page.mouse.move(box.x + box.w / 2, box.y + box.h * 3);
    for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, 600); await settled(page); }
    const later = await rows(page);
    assert.ok(later.length > 5 && later.length < 100, `scrolled, still only the rows in view: ${later.length}`);
    assert.notEqual(later[0].label, first[0].label, 'the wheel scrolled the list');
    list = await items(page);
    assert.ok(list.length < 1500, `items() with the list open: ${list.length}`);

    // Typing narrows the list: the find box has the keyboard as the list opens.
    await page.keyboard.type('Regime 07777');
    await settled(page);
    const found = await rows(page);
    assert.deepEqual(found.map((it) => it.label), ['Regime 07777 (proposed regime)'], 'typing finds the regime by its name');
    await page.mouse.click(found[0].x + found[0].w / 2, found[0].y + found[0].h / 2);
    await settled(page);
    const doc = JSON.parse(await page.evaluate(() => window.parley.document()));
    assert.equal(doc.regimes[0].based_on, 'reg-007777', 'choosing it sets what the first regime is based on');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
