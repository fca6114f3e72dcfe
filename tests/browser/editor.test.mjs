// The editors as a policy officer uses them, with the real mouse and keyboard only: write a
// joint response from an empty document (two co-signatories, three questions, a position and
// a 300-word answer each typed into the page's prose editor, a co-signatory's own position,
// an alternative regime with four dimensions), undo and redo, copy an answer, reload and
// restore from autosave, save to a file and open it in a fresh page byte for byte, and export.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, items, revealItem, clickRevealed, screenshot, SAVE_TO_DOWNLOADS } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-editor-'));
const doc = async (page) => JSON.parse(await page.evaluate(() => window.parley.document()));
const words = (text) => (text || '').split(/\s+/).filter(Boolean).length;

// A 300-word answer that reads like one (and is different for each question).
const VOCABULARY = ('the inspectorates should keep area inspections proportionate to risk and focus on what difference ' +
  'services make for children families and carers while local partners need time to prepare evidence share ' +
  'plans agree priorities and show improvement over the whole cycle').split(' ');
function answer(seed, count = 300) {
  const out = [];
  for (let i = 0; i < count; i++) {
    let w = VOCABULARY[(i * 7 + seed * 13) % VOCABULARY.length];
    if (i % 15 === 0) w = w[0].toUpperCase() + w.slice(1);
    out.push(i % 15 === 14 || i === count - 1 ? w + '.' : w);
  }
  return out.join(' ');
}

const QUESTIONS = [
  { text: 'Do you agree that joint targeted area inspections should continue to focus on one theme?', position: 'Agree' },
  { text: 'Do you agree with the proposed notice period of five working days?', position: 'Partly agree' },
  { text: 'Do you agree that re-inspection should follow within 18 months?', position: 'Disagree' },
];

// Items whose labels repeat (one "name" field per organisation) in the order they are drawn.
async function itemsLabelled(page, label) {
  return (await items(page)).filter((it) => it.label === label && !it.flags.includes('clipped')).sort((a, b) => a.y - b.y);
}

async function clickAndType(page, item, text) {
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await settled(page);
  await page.keyboard.type(text);
  await settled(page);
}

// Opens a prose field by clicking it, and types into the page's textarea over it.
async function writeProse(page, name, text) {
  const it = await revealItem(page, (x) => x.name === name);
  await page.mouse.click(it.x + 30, it.y + 20);
  await settled(page);
  const active = await page.evaluate(() => ({ id: document.activeElement.id, spell: document.activeElement.spellcheck,
    lang: document.activeElement.lang }));
  assert.deepEqual(active, { id: 'parley-prose', spell: true, lang: 'en-GB' }, `typing into ${name} goes to the spell-checked textarea`);
  await page.keyboard.type(text);
  await settled(page);
  await page.keyboard.press('Escape');
  await settled(page);
}

describe('editors', () => {
  let page;
  let problems;
  let written;      // the document text once the response is written

  before(async () => {
    ({ page, problems } = await openParley(shared.browser.context, shared.server.url));
    // Save by download (Chromium's own save dialog cannot be answered by a test).
    await page.addInitScript(SAVE_TO_DOWNLOADS);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.evaluate(() => window.parley.ready);
  });
  after(async () => {
    await page?.evaluate(() => localStorage.clear()).catch(() => {});
    await page?.close();
  });

  test('write a joint response from an empty document', async () => {
    await clickItem(page, 'title');
    await page.keyboard.type('Joint response to the proposed JTAI framework');
    await clickItem(page, 'organisation');
    await page.keyboard.type("Association of Directors of Children's Services");
    await clickAndType(page, (await itemsLabelled(page, 'short'))[0], 'ADCS');
    for (const [name, short] of [['Local Government Association', 'LGA'], ['Solace', 'Solace']]) {
      await clickItem(page, 'Add a co-signatory');
      await settled(page);
      await clickAndType(page, (await itemsLabelled(page, 'name')).at(-1), name);
      await clickAndType(page, (await itemsLabelled(page, 'short')).at(-1), short);
    }
    let d = await doc(page);
    assert.deepEqual(d.organisations.map((o) => [o.name, o.short_name]),
      [["Association of Directors of Children's Services", 'ADCS'], ['Local Government Association', 'LGA'], ['Solace', 'Solace']]);

    for (let i = 0; i < QUESTIONS.length; i++) {
      await clickRevealed(page, 'Add a question');
      await settled(page);
      d = await doc(page);
      const q = d.questions[i];
      const a = d.answers.find((x) => x.question === q.id);
      assert.ok(a, 'a question added to a response comes with its answer');
      await writeProse(page, `Question##${q.id}/text`, QUESTIONS[i].text);
      await clickRevealed(page, (x) => x.name === `${QUESTIONS[i].position}##${a.id}`);
      await writeProse(page, `Reasoning##${a.id}/reasoning`, answer(i));
    }
    d = await doc(page);
    assert.deepEqual(d.questions.map((q) => q.text), QUESTIONS.map((q) => q.text));
    assert.deepEqual(d.answers.map((a) => a.position), ['agree', 'partly_agree', 'disagree']);
    for (let i = 0; i < 3; i++) assert.equal(d.answers[i].reasoning, answer(i), `answer ${i + 1} arrived word for word`);
    assert.ok(d.answers.every((a) => words(a.reasoning) === 300));

    // The LGA takes its own position on question 2, with a note.
    const lga = d.organisations[1].id;
    const a2 = d.answers[1].id;
    await clickRevealed(page, (x) => x.name === `##position/${a2}/${lga}`);
    await settled(page);
    await clickItem(page, 'Disagree', { window: '##Combo' });
    await settled(page);
    const note = (await items(page)).find((x) => x.name === '##note' && !x.flags.includes('clipped'));
    assert.ok(note, 'a note field appears beside a differing position');
    await clickAndType(page, note, 'LGA members want a longer notice period');
    d = await doc(page);
    assert.deepEqual(d.answers[1].signatories, [{ organisation: lga, position: 'disagree', note: 'LGA members want a longer notice period' }]);

    // A <script> typed into evidence must stay text everywhere (checked in the exports below).
    await writeProse(page, `Evidence##${d.answers[0].id}/evidence`, 'Members said <script>alert("x")</script> in 2025.');
    await screenshot(page, 'editor-response');
    assert.deepEqual(problems, []);
  });

  test('an alternative regime with four dimensions, typed values and a rationale', async () => {
    await clickRevealed(page, 'Add an alternative regime');
    await settled(page);
    for (const label of ['Notice given', 'Cases examined', 'Inspection cycle', 'Agencies in scope']) {
      await clickRevealed(page, 'Add a dimension');
      await settled(page);
      await clickItem(page, label);
      await settled(page);
    }
    let d = await doc(page);
    const regime = d.regimes[0];
    assert.equal(regime.role, 'alternative');
    assert.equal(regime.owner, d.organisations[0].id);
    assert.deepEqual(regime.dimensions.map((x) => x.key), ['notice', 'cases_sampled', 'cycle', 'scope_agencies']);

    // Cases examined: 40.
    const cases = regime.dimensions[1];
    const field = await revealItem(page, (x) => x.name === `##value/${cases.id}`);
    await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
    await page.keyboard.press(`${primary}+A`);
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await settled(page);
    await writeProse(page, `Rationale##${cases.id}/rationale`, 'Forty cases give a fair picture of practice without overloading staff.');
    d = await doc(page);
    const dim = d.regimes[0].dimensions[1];
    assert.equal(dim.value.value, 40);
    assert.equal(dim.rationale, 'Forty cases give a fair picture of practice without overloading staff.');
    await screenshot(page, 'editor-regime');
    written = await page.evaluate(() => window.parley.document());
    const check = await page.evaluate((t) => window.parley.load(t), written);   // the app never writes what it cannot read
    assert.equal(check.ok, true, JSON.stringify(check.errors));
    assert.deepEqual(problems, []);
  });

  test('undo and redo cover typing, adding and removing', async () => {
    const before = await page.evaluate(() => window.parley.document());
    const d = await doc(page);
    const a3 = d.answers[2];
    // Typing: one burst is one step, undone and redone from inside the textarea.
    const it = await revealItem(page, (x) => x.name === `Reasoning##${a3.id}/reasoning`);
    await page.mouse.click(it.x + it.w / 2, it.y + Math.min(it.h / 2, 30));
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'parley-prose');
    await page.keyboard.press(`${primary}+End`);
    await page.keyboard.type(' One more sentence.');
    await settled(page);
    assert.equal((await doc(page)).answers[2].reasoning, a3.reasoning + ' One more sentence.');
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal((await doc(page)).answers[2].reasoning, a3.reasoning, 'undo takes the typing back');
    assert.equal(await page.evaluate(() => document.getElementById('parley-prose').value), a3.reasoning, 'and the textarea shows it');
    await page.keyboard.press(`${primary}+Y`);
    await settled(page);
    assert.equal((await doc(page)).answers[2].reasoning, a3.reasoning + ' One more sentence.', 'redo brings it back');
    await page.keyboard.press(`${primary}+Z`);
    await page.keyboard.press('Escape');
    await settled(page);
    assert.equal(await page.evaluate(() => window.parley.document()), before);

    // Removing a question (with its answer) and undoing it.
    await clickRevealed(page, (x) => x.name === `Remove##${d.questions[0].id}`);
    await settled(page);
    assert.equal((await doc(page)).questions.length, 2);
    const afterRemoval = await doc(page);
    assert.equal(afterRemoval.answers.length, 2, 'its answer goes with it');
    assert.ok(afterRemoval.answers.every((a) => a.question !== d.questions[0].id), 'its own answer, not another question\'s');
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal(await page.evaluate(() => window.parley.document()), before, 'undo brings question and answer back');
  });

  test('copy answer puts the position and answer on the clipboard for an online form', async () => {
    const d = await doc(page);
    await clickRevealed(page, (x) => x.name === `Copy answer##${d.questions[1].id}`);
    await settled(page);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /Partly agree/);
    assert.ok(text.includes(d.answers[1].reasoning), 'the whole reasoning is copied');
  });

  test('after a reload the draft is offered back from autosave, unchanged', async () => {
    const before = await page.evaluate(() => window.parley.document());
    await page.waitForTimeout(1200);   // autosave runs 800 ms after the last change
    await page.reload();
    await page.evaluate(() => window.parley.ready);
    await clickItem(page, 'Restore it');
    await settled(page);
    assert.equal(await page.evaluate(() => window.parley.document()), before);
  });

  test('save to a file, open it in a fresh page: the same bytes', async () => {
    const download = page.waitForEvent('download');
    await page.keyboard.press(`${primary}+S`);
    const file = path.join(tmp, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await settled(page);
    assert.equal(path.basename(file), 'Joint response to the proposed JTAI framework.parley.json');
    const saved = fs.readFileSync(file, 'utf8');
    assert.equal(saved, await page.evaluate(() => window.parley.document()));

    // Saved: the autosaved copy is removed, so a fresh page has nothing to offer back.
    await page.waitForFunction(() => localStorage.getItem('parley.autosave.v1') === null);
    const fresh = await openParley(shared.browser.context, shared.server.url);
    const chooser = fresh.page.waitForEvent('filechooser');
    await clickItem(fresh.page, 'File');
    await clickItem(fresh.page, 'Open...');
    await (await chooser).setFiles(file);
    await fresh.page.waitForFunction((t) => window.parley.document() === t, saved);
    assert.equal(await fresh.page.evaluate(() => window.parley.document()), saved);
    await fresh.page.close();
  });

  test('Markdown and HTML exports hold the response, with typed markup as text', async () => {
    const d = await doc(page);
    const exported = {};
    for (const [menu, ext] of [['Markdown (.md)', 'md'], ['Web page for printing (.html)', 'html']]) {
      const download = page.waitForEvent('download');
      await clickItem(page, 'File');
      await clickItem(page, 'Export');
      await clickItem(page, menu);
      const file = path.join(tmp, `export.${ext}`);
      await (await download).saveAs(file);
      exported[ext] = fs.readFileSync(file, 'utf8');
    }
    for (const q of QUESTIONS) {
      assert.ok(exported.md.includes(q.text));
      assert.ok(exported.html.includes(q.text));
    }
    assert.ok(exported.md.includes(d.answers[2].reasoning));
    assert.ok(exported.html.includes('Local Government Association'));
    assert.ok(exported.html.includes('&lt;script&gt;'), 'typed markup is escaped');
    assert.ok(!exported.html.includes('<script>alert'), 'and never becomes a script');
  });
});
