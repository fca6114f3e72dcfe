// Sign-off by organisation, with the real mouse and keyboard, on the joint ADCS/LGA/Solace
// response: the grid opens from Review, a click on a cell records a sign-off (asking who you are
// the first time) with a typed reason, the summary follows, "Mark the response as agreed" is
// refused with each blocker listed until the lead records an exception, a click on a question
// opens it in the editor, and the editor's status control refuses "Agreed" while something
// blocks. A reason in Welsh, with curly quotes and 600 characters, survives a save.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, findItem, items, settled, screenshot, revealItem, ROOT } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8');
const ORGS = ['org-lga', 'org-solace'];   // the co-signatories: the organisations after ADCS, the lead
const doc = async (page) => JSON.parse(await page.evaluate(() => window.parley.document()));
const byName = async (page, suffix) => (await items(page)).find((it) => it.name.endsWith(suffix) && !it.flags.includes('clipped'));
const summary = async (page) => (await byName(page, '##signoff/summary'))?.label;

async function openClean(text) {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url);
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));   // save by download
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => window.parley.ready);
  assert.equal((await page.evaluate((t) => window.parley.load(t), text)).ok, true);
  await settled(page);
  return { page, problems };
}

async function closeClean(page) {
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

async function openGrid(page) {
  await clickItem(page, 'Review');
  await clickItem(page, 'Sign-off by organisation', { window: '##Menu' });   // the menu's item, not the button in the details
  await settled(page);
  await findItem(page, '\u2190 Back to the draft');
}

// Clicks an item found by the end of its name, waiting until it is drawn in view.
async function clickNamed(page, suffix, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const it = await byName(page, suffix);
    if (it && it.w > 8 && it.h > 8) {   // partly in view is enough: a cell's selectable reaches into the cell padding
      await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
      await settled(page);
      return it;
    }
    if (Date.now() > deadline) throw new Error(`no item named …${suffix} in view`);
    await page.mouse.move(640, 600);   // over the grid: wheel down to rows below the fold
    await page.mouse.wheel(0, 120);
    await settled(page);
  }
}

const cell = (answer, org) => `###signoff/${answer}/${org}`;

// A cell's popup: choose a sign-off, type a reason, record it.
async function signOff(page, answer, org, choice, reason) {
  await clickNamed(page, cell(answer, org));
  await clickItem(page, choice, { window: '##Popup' });
  if (reason !== undefined) {
    await clickItem(page, 'reason', { window: '##Popup' });
    await page.keyboard.insertText(reason);   // as typed text arrives: an input event
  }
  await clickItem(page, 'Record sign-off', { window: '##Popup' });
  await settled(page);
}

describe('sign-off by organisation', () => {
  test('record sign-offs with the mouse, see the summary follow, be refused, record an exception, mark agreed, open a question', async () => {
    const { page, problems } = await openClean(EXAMPLE);
    await openGrid(page);
    assert.equal(await summary(page), '16 of 16 waiting · 0 agreed · positions differ on 2 questions');
    // The column headers are the co-signatories, not the lead.
    assert.ok(await byName(page, '##signoff/column/org-lga'));
    assert.ok(await byName(page, '##signoff/column/org-solace'));
    assert.equal(await byName(page, '##signoff/column/org-adcs'), undefined);
    // LGA's position on question 2 differs from the response's: said in words in its cell.
    assert.equal((await byName(page, '##signoff/ans-q2/org-lga/more'))?.label, 'differs: Agree');

    // The first sign-off asks who is recording it, then records it.
    await clickNamed(page, cell('ans-q1', 'org-lga'));
    await clickItem(page, 'Record sign-off', { window: '##Popup' });   // "Agreed" is offered first
    await findItem(page, 'identity-name', { window: 'Who are you?' });
    await page.keyboard.type('Siân Wyn');   // the name field has the caret
    await clickItem(page, 'identity-organisation', { window: 'Who are you?' });
    await page.keyboard.press(`${primary}+A`);
    await page.keyboard.type('LGA');
    await clickItem(page, 'OK', { window: 'Who are you?' });
    await settled(page);
    let d = await doc(page);
    const q1 = d.answers.find((a) => a.id === 'ans-q1').signatories;
    assert.equal(q1.length, 1);
    assert.equal(q1[0].organisation, 'org-lga');
    assert.equal(q1[0].signoff, 'agreed');
    assert.equal(q1[0].signed_by, 'Siân Wyn');
    assert.match(q1[0].signed_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal((await byName(page, cell('ans-q1', 'org-lga'))).label, '\u2713 Agreed');
    assert.equal(await summary(page), '15 of 16 waiting · 1 agreed · positions differ on 2 questions');

    // Needs discussion, with a reason in Welsh, curly quotes and 600 characters.
    const reason = 'Mae angen trafod “ŵyr” a ‘ŷd’ – £5 € ' + 'the wording of the conclusion '.repeat(20);
    await signOff(page, 'ans-q2', 'org-solace', '? Needs discussion', reason);
    d = await doc(page);
    const solace = d.answers.find((a) => a.id === 'ans-q2').signatories.find((s) => s.organisation === 'org-solace');
    assert.equal(solace.signoff, 'discuss');
    assert.equal(solace.reason, reason);
    const lga = d.answers.find((a) => a.id === 'ans-q2').signatories.find((s) => s.organisation === 'org-lga');
    assert.equal(lga.position, 'agree', 'LGA\'s own position on question 2 is untouched');
    assert.ok(lga.note.startsWith('The LGA supports'));
    assert.equal((await byName(page, cell('ans-q2', 'org-solace'))).label, '? Needs discussion');
    assert.equal(await summary(page), '14 of 16 waiting · 1 agreed · 1 needs discussion · positions differ on 2 questions');
    assert.deepEqual(await page.evaluate((t) => window.parley.missingGlyphs(t), reason + '✓✗○'), []);
    await screenshot(page, 'signoff-grid');

    // Not yet: the refusal lists what stops it.
    await clickItem(page, 'Mark the response as agreed');
    await settled(page);
    assert.match((await byName(page, '##signoff/message')).label, /^Not yet: 15 things stop the response being agreed/);
    assert.ok((await items(page)).some((it) => it.label === 'Question 2: Solace needs discussion'));
    assert.ok((await items(page)).some((it) => it.label === 'Question 1: Solace has not signed it off yet'));
    assert.equal((await doc(page)).status, 'submitted', 'the status did not change');
    await screenshot(page, 'signoff-refused');
    await clickItem(page, 'Hide the list');
    await settled(page);

    // Everyone agrees everything else, with only what waits or differs shown: rows go as they are agreed.
    await clickItem(page, 'Only what is waiting or differs');
    await settled(page);
    for (let q = 1; q <= 8; q++)
      for (const org of ORGS) {
        if ((q === 1 && org === 'org-lga') || (q === 2 && org === 'org-solace')) continue;
        await clickNamed(page, cell(`ans-q${q}`, org));
        await clickItem(page, 'Record sign-off', { window: '##Popup' });
        await settled(page);
      }
    assert.equal(await summary(page), '0 of 16 waiting · 15 agreed · 1 needs discussion · positions differ on 2 questions');
    // Shown: question 2 (waiting for Solace, positions differ) and question 4 (positions differ).
    assert.deepEqual((await items(page)).filter((it) => /###signoff\/q\//.test(it.name)).map((it) => it.name.split('/').pop()), ['q2', 'q4']);
    await screenshot(page, 'signoff-filtered');

    // The one left needs an exception, typed and recorded explicitly.
    await clickItem(page, 'Mark the response as agreed');
    await settled(page);
    await findItem(page, 'Question 2: Solace needs discussion');
    await clickItem(page, 'exception');
    await page.keyboard.type('Solace will say so in its own letter; agreed at the meeting on 3 August.');
    await clickItem(page, 'Record exception');
    await settled(page);
    d = await doc(page);
    assert.equal(d.answers.find((a) => a.id === 'ans-q2').signatories.find((s) => s.organisation === 'org-solace').exception,
      'Solace will say so in its own letter; agreed at the meeting on 3 August.');
    assert.equal((await byName(page, '##signoff/ans-q2/org-solace/more'))?.label, 'exception');
    await clickItem(page, 'Mark the response as agreed');
    await settled(page);
    assert.equal((await doc(page)).status, 'agreed');
    await findItem(page, '\u2713 The response is marked agreed by every organisation.');

    // The reason survives a save to a file.
    const download = page.waitForEvent('download');
    await page.keyboard.press(`${primary}+S`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-signoff-'));
    const file = path.join(tmp, 'saved.parley.json');
    await (await download).saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.answers.find((a) => a.id === 'ans-q2').signatories.find((s) => s.organisation === 'org-solace').reason, reason);
    assert.equal(saved.status, 'agreed');
    fs.rmSync(tmp, { recursive: true, force: true });

    // A click on a question opens it in the editor (every question shown again first).
    await clickItem(page, 'Only what is waiting or differs');
    await settled(page);
    await clickNamed(page, '###signoff/q/q5');
    const card = await findItem(page, 'Question', { window: 'Document/Page' });
    assert.ok(card);
    assert.ok((await items(page)).some((x) => x.name === 'Question##q5/text' && !x.flags.includes('clipped')), 'question 5 is in view');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('the status control refuses "Agreed" while something blocks, and opens the grid saying why', async () => {
    const { page, problems } = await openClean(EXAMPLE);
    const combo = await revealItem(page, (x) => x.label === 'status');
    await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h / 2);
    await settled(page);
    await clickItem(page, 'Agreed');
    await settled(page);
    assert.equal((await doc(page)).status, 'submitted');
    const message = await findItem(page, 'The response cannot be marked agreed yet: 16 things stop it. Each is listed below: record the sign-off, answer the question, or record why the response goes ahead without it.');
    assert.ok(message);
    assert.ok((await items(page)).some((it) => it.label === 'Question 1: LGA has not signed it off yet'));
    // Escape goes back to the draft; "Draft" is always allowed.
    await page.keyboard.press('Escape');
    await settled(page);
    const again = await revealItem(page, (x) => x.label === 'status');
    await page.mouse.click(again.x + again.w / 2, again.y + again.h / 2);
    await settled(page);
    await clickItem(page, 'Draft');
    await settled(page);
    assert.equal((await doc(page)).status, 'draft');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('"Same as the response" keeps a sign-off; a response with one organisation says so; a proposal cannot open the grid', async () => {
    const d = JSON.parse(EXAMPLE);
    const a2 = d.answers.find((a) => a.id === 'ans-q2');
    a2.signatories[0].signoff = 'agreed';
    a2.signatories[0].signed_by = 'Sam';
    const { page, problems } = await openClean(JSON.stringify(d));
    const combo = await revealItem(page, (x) => x.name === '##position/ans-q2/org-lga');
    await page.mouse.click(combo.x + combo.w / 2, combo.y + combo.h / 2);
    await settled(page);
    await clickItem(page, 'Same as the response');
    await settled(page);
    const kept = (await doc(page)).answers.find((a) => a.id === 'ans-q2').signatories;
    assert.equal(kept.length, 1, 'the entry stays: it holds LGA\'s sign-off');
    assert.equal(kept[0].position, undefined);
    assert.equal(kept[0].note, undefined);
    assert.equal(kept[0].signoff, 'agreed');

    const single = { ...JSON.parse(EXAMPLE), organisations: [JSON.parse(EXAMPLE).organisations[0]] };
    single.answers = single.answers.map(({ signatories, ...rest }) => rest);
    assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(single))).ok, true);
    await settled(page);
    await openGrid(page);
    await findItem(page, 'This response has no co-signatories, so there is nobody to sign it off.');
    await page.keyboard.press('Escape');

    const proposal = fs.readFileSync(path.join(ROOT, 'assets/examples/no-notice-child-protection.parley.json'), 'utf8');
    assert.equal((await page.evaluate((t) => window.parley.load(t), proposal)).ok, true);
    await settled(page);
    await clickItem(page, 'Review');
    const item = await findItem(page, 'Sign-off by organisation', { window: '##Menu' });
    assert.ok(item.flags.includes('disabled'), 'the menu item is disabled for a proposal');
    await screenshot(page, 'signoff-menu-proposal');
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('40 questions by 6 organisations draw within budget', async () => {
    const orgs = ['ADCS', 'LGA', 'Solace', 'BASW', 'NHS Confederation', 'NPCC', 'Local Safeguarding Board'].map((n, i) => ({ id: `org-${i}`, name: n }));
    const questions = Array.from({ length: 40 }, (_, i) => ({ id: `q-${i}`, number: String(i + 1), text: `Do you agree with proposal ${i + 1} about how inspections of children's services should work in practice?` }));
    const answers = questions.map((q, i) => ({
      id: `a-${i}`, question: q.id, position: 'partly_agree', reasoning: 'Because. '.repeat(50),
      signatories: orgs.slice(1).filter((_, k) => (i + k) % 3 !== 0).map((o, k) => ({ organisation: o.id, signoff: ['agreed', 'discuss', 'objects'][(i + k) % 3], reason: 'A reason', signed_by: 'Sam', signed_time: '2026-03-01T10:00:00Z', ...(k === 2 ? { position: 'disagree' } : {}) })),
    }));
    const big = { format: 'parley', version: 1, id: 'doc-big', kind: 'response', title: 'Big joint response', status: 'draft', organisations: orgs, questions, answers };
    const { page, problems } = await openClean(JSON.stringify(big));
    await openGrid(page);
    await page.evaluate(() => window.parley.settled());
    // Move over the grid for a while: hover draws tooltips and every frame redraws the grid.
    const before = await page.evaluate(() => window.parley.stats());
    for (let i = 0; i < 20; i++) await page.mouse.move(500 + i * 20, 300 + i * 10);
    await settled(page);
    const after = await page.evaluate(() => window.parley.stats());
    assert.ok(after.frames > before.frames);
    assert.ok(after.lastUiMs < 50, `a frame of the grid took ${after.lastUiMs} ms`);
    console.log(`grid 40x6: last frame ${after.lastUiMs.toFixed(2)} ms of UI work, mean frame ${after.meanFrameMs.toFixed(1)} ms`);
    await screenshot(page, 'signoff-big');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });
});
