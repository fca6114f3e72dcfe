// The whole journeys by keyboard alone (issue 14, part 3). With no mouse event at all: a joint
// response written from an empty draft (organisations, a question, positions, long answers, a
// co-signatory's different position), saved; two regimes compared; a workshop scored and saved.
// At each step what a screen reader would announce is read from Chromium's accessibility tree
// (a11y.mjs): every Tab stop has a role and a name, the field typed in reads back its text, the
// radio chosen is checked in its named group, the comparison is a table.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, settled, ROOT, SAVE_TO_DOWNLOADS } from './helpers.mjs';
import { axTree, axFocused, inside, liveRegion } from './a11y.mjs';

const shared = sharedBrowserAndServer();

const ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
  'combobox', 'option', 'textbox', 'spinbutton']);
const matches = (n, role, name) => n && n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name));

async function press(page, key) {
  await page.keyboard.press(key);
  await settled(page);
}

// Presses Tab (or Shift+Tab) until a screen reader would be on the `role` named `name`; every
// stop on the way is announced as a control with a name.
async function tabTo(page, role, name, { back = false, max = 80 } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await press(page, back ? 'Shift+Tab' : 'Tab');
    const f = await axFocused(page);
    assert.ok(f && ROLES.has(f.role), `Tab stops on a control, not ${JSON.stringify(f)} (after ${passed.slice(-3).join(', ')})`);
    assert.ok(f.name.trim(), `every Tab stop has a name: a ${f.role} after ${passed.slice(-3).join(', ')} has none`);
    if (matches(f, role, name)) return f;
    passed.push(`${f.role} "${f.name}"`);
  }
  assert.fail(`Tab did not reach the ${role} "${name}": ${passed.join(', ')}`);
}

// Types `text` where the keyboard is, then checks the field announces it as its value.
async function typeHere(page, text, { name } = {}) {
  await page.keyboard.type(text);
  await settled(page);
  const f = await axFocused(page);
  assert.ok(f && (f.role === 'textbox' || f.role === 'spinbutton'), `typing is in a text field (${JSON.stringify(f)})`);
  if (name) assert.equal(f.name, name);
  assert.equal(f.value, text, `the ${f.name} field reads back what was typed`);
}

// Arrows through an open menu (or a list box's options) until `name` is the item a screen
// reader is on.
async function arrowTo(page, name, key = 'ArrowDown') {
  const seen = [];
  for (let i = 0; i < 30; i++) {
    const f = await axFocused(page);
    if (f && /^(menuitem|option)/.test(f.role) && (typeof name === 'string' ? f.name === name : name.test(f.name))) return f;
    seen.push(f ? `${f.role} "${f.name}"` : 'nothing');
    await press(page, key);
  }
  assert.fail(`the menu never reached "${name}": ${seen.join(', ')}`);
}

// F10, then along the bar to `menu`, into it, and down to `item` (through `submenu` first).
async function chooseFromMenu(page, menu, item, submenu) {
  await press(page, 'F10');
  await arrowTo(page, menu, 'ArrowRight');
  await press(page, 'Enter');
  if (submenu) {
    await arrowTo(page, submenu);
    await press(page, 'ArrowRight');
  }
  await arrowTo(page, item);
  await press(page, 'Enter');
}

async function saveByKeyboard(page) {
  const download = page.waitForEvent('download');
  await press(page, 'Control+S');
  const file = await (await download).path();
  await settled(page);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const SUMMARY = 'We welcome a joint inspection of how partners protect children, but the proposed notice period ' +
  'is too short for three agencies to gather evidence, and the proposals say little about how findings ' +
  'will be shared with the local safeguarding partnership. We set out an alternative below.';
const REASONING = 'Five working days is not enough. Directors report that gathering case files from health, ' +
  'police and children\'s social care, arranging interviews with front-line staff and agreeing a single ' +
  'timetable takes at least ten working days in a large authority, more where services are shared across ' +
  'council boundaries. A longer notice period would not weaken the inspection: the evidence inspectors see ' +
  'would be more complete, and the burden on practitioners who are also holding caseloads would be lower. ' +
  'We propose ten working days, with a shorter period reserved for cases where there are immediate concerns.';

describe('keyboard alone, read as a screen reader reads it', () => {
  test('a joint response from an empty draft: organisations, a question, positions, long answers, saved', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url,
      { init: SAVE_TO_DOWNLOADS });
    await settled(page);

    const kind = await tabTo(page, 'radio', 'Consultation response');
    assert.equal(String(kind.checked), 'true', 'the draft starts as a consultation response, and says so');
    await tabTo(page, 'textbox', 'Title');
    await typeHere(page, 'Joint targeted area inspections: our response');
    await tabTo(page, 'textbox', 'The consultation this answers');
    await typeHere(page, 'Joint targeted area inspections: consultation');

    // The lead organisation, then a co-signatory: Add takes the keyboard to the new name.
    await tabTo(page, 'textbox', 'Name');
    await typeHere(page, "Association of Directors of Children's Services");
    await tabTo(page, 'textbox', 'Short name');
    await typeHere(page, 'ADCS');
    await tabTo(page, 'button', 'Add a co-signatory');
    await press(page, 'Enter');
    let f = await axFocused(page);
    assert.ok(matches(f, 'textbox', 'Name') && f.value === '', `the new co-signatory's name has the keyboard (${JSON.stringify(f)})`);
    await typeHere(page, 'Local Government Association');
    await tabTo(page, 'textbox', 'Short name');
    await typeHere(page, 'LGA');

    // The overall position: a radio in its named group.
    // One Tab stop for the group (the first radio while none is checked); the arrows move in it.
    await tabTo(page, 'radio', 'Agree');
    await press(page, 'ArrowRight');
    f = await axFocused(page);
    assert.ok(matches(f, 'radio', 'Partly agree'), `the arrow moves to the next radio (${JSON.stringify(f)})`);
    await press(page, 'Space');
    f = await axFocused(page);
    assert.equal(String(f.checked), 'true', 'Space chose it');
    assert.ok(f.path.includes('radiogroup:Overall position'), `read within "Overall position" (${f.path.join(' > ')})`);
    await tabTo(page, 'textbox', 'Summary');
    await typeHere(page, SUMMARY);

    // A question, added and answered.
    await tabTo(page, 'button', 'Add a question');
    await press(page, 'Enter');
    f = await axFocused(page);
    assert.ok(matches(f, 'textbox', 'Question'), `the new question's text has the keyboard (${JSON.stringify(f)})`);
    await typeHere(page, 'Do you agree that five working days is the right notice period?');
    await tabTo(page, 'textbox', 'Number');
    await typeHere(page, '3');
    const limit = await tabTo(page, 'spinbutton', 'Word limit for the answer');
    assert.equal(limit.valuemin, 0);
    await page.keyboard.type('500');
    await settled(page);
    await press(page, 'Tab');   // on to the step buttons, named for what they do
    f = await axFocused(page);
    assert.ok(matches(f, 'button', '50 words fewer'), `the step button is named (${JSON.stringify(f)})`);

    await tabTo(page, 'radio', 'Agree');
    await press(page, 'ArrowRight');
    await press(page, 'ArrowRight');
    const position = await axFocused(page);
    assert.ok(matches(position, 'radio', 'Disagree'), `two arrows on: Disagree (${JSON.stringify(position)})`);
    assert.ok(position.path.includes('radiogroup:Position'), `the answer's position is a group (${position.path.join(' > ')})`);
    await press(page, 'Space');
    assert.equal(String((await axFocused(page)).checked), 'true');
    await tabTo(page, 'textbox', 'Reasoning');
    await typeHere(page, REASONING);
    // The co-signatory's position differs from the response's: its own list, by keyboard.
    const theirs = await tabTo(page, 'combobox', 'Position of LGA');
    await press(page, 'Enter');
    await arrowTo(page, 'Partly agree');
    await press(page, 'Enter');
    f = await axFocused(page);
    assert.ok(matches(f, 'combobox', theirs.name), `the keyboard is back on the list's box (${JSON.stringify(f)})`);
    assert.match(f.value, /Partly agree/, 'which reads the position chosen');
    const note = await tabTo(page, 'textbox', 'Why LGA differs');
    assert.equal(note.value, '', 'a note on why, next to it');
    await typeHere(page, 'Councils need the longer period most.');

    const saved = await saveByKeyboard(page);
    assert.equal(saved.title, 'Joint targeted area inspections: our response');
    assert.deepEqual(saved.organisations.map((o) => o.short_name), ['ADCS', 'LGA']);
    assert.equal(saved.summary.position, 'partly_agree');
    assert.equal(saved.summary.text, SUMMARY);
    assert.equal(saved.questions.length, 1);
    assert.equal(saved.questions[0].number, '3');
    assert.equal(saved.questions[0].word_limit, 500);
    const answer = saved.answers[0];
    assert.equal(answer.position, 'disagree');
    assert.equal(answer.reasoning, REASONING);
    const lga = saved.organisations[1].id;
    const lgaEntry = answer.signatories.find((s) => s.organisation === lga);
    assert.equal(lgaEntry?.position, 'partly_agree', "the LGA's own position");
    assert.equal(lgaEntry?.note, 'Councils need the longer period most.');
    assert.match((await liveRegion(page)).said, /^Saved as /, 'the save is announced');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('two regimes compared, and a workshop scored and saved', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url,
      { init: SAVE_TO_DOWNLOADS });
    await settled(page);
    await chooseFromMenu(page, 'File', /^Re-inspecting councils judged inadequate/, 'Examples');
    let tree = await axTree(page);
    assert.ok(tree.some((n) => n.role === 'textbox' && n.name === 'Title' && /^Re-inspecting councils/.test(n.value)), 'the example is open');

    await chooseFromMenu(page, 'Compare', 'Regimes side by side');
    tree = await axTree(page);
    const table = inside(tree, 'table:Regimes side by side');
    assert.equal(table.filter((n) => n.role === 'columnheader').length, 4, 'the comparison is read as a table');
    assert.ok(table.some((n) => n.role === 'rowheader'), 'each row headed by its dimension');
    // The view's own controls by Tab: the regimes chosen for the columns.
    await tabTo(page, 'combobox', /./);
    await chooseFromMenu(page, 'Compare', 'Back to the draft');

    // To the scores through the outline (Shift+Tab from the page's top), then a score given.
    await tabTo(page, 'link', 'Scores', { back: true });
    await press(page, 'Enter');
    // A cell is one Tab stop, on the score given (the example has them all); an arrow moves
    // along the cell to another score, Enter gives it.
    const given = await tabTo(page, 'radio', /^[0-5]$/);
    assert.equal(String(given.checked), 'true', 'Tab stops on the score given, not on every score button');
    const from = Number(given.name), to = from < 5 ? from + 1 : from - 1;
    await press(page, from < 5 ? 'ArrowRight' : 'ArrowLeft');
    const radio = await axFocused(page);
    assert.ok(matches(radio, 'radio', String(to)), `the arrow moves along the cell to ${to} (${JSON.stringify(radio)})`);
    assert.ok(radio.path.some((p) => p.startsWith('table:Scores')) && radio.path.includes('radiogroup:Score'),
      `a score button is read in the grid's table, in its cell's group (${radio.path.join(' > ')})`);
    assert.ok(radio.path.some((p) => p.startsWith('cell:')) && radio.path.some((p) => p.startsWith('row:')));
    await press(page, 'Enter');
    assert.equal(String((await axFocused(page)).checked), 'true', 'the score given is checked');
    const saved = await saveByKeyboard(page);
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples/reinspection-workshop.parley.json'), 'utf8'));
    const count = (d, v) => d.workshop.scores.filter((x) => x.score === v).length;
    assert.deepEqual([count(saved, to), count(saved, from)], [count(example, to) + 1, count(example, from) - 1],
      `one score changed from ${from} to ${to} in the saved draft`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
