// A workshop built the way a convenor builds one, with the real mouse and keyboard: a new
// workshop comparison, three regimes, the six usual criteria with one weighted up, two
// participants scoring (one by clicks, one by pointing at cells and typing digits), a note,
// the ranking checked against the arithmetic, presentation mode on (no menu bar, large type,
// screenshot) and off by Escape and by its button, and the scores saved in the file.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, items, revealItem, clickRevealed, screenshot } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-workshop-'));
const doc = async (page) => JSON.parse(await page.evaluate(() => window.parley.document()));
const byName = (name) => (x) => x.name === name;

// Saving takes the download path: Chromium's own save dialog cannot be answered by a test.
async function openClean() {
  const { page, problems } = await openParley(shared.browser.context, shared.server.url);
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => window.parley.ready);
  return { page, problems };
}

// The buttons of a participant's score grid, every one in view (the grid is shorter than the
// window): found once, so a run of clicks needs no look at the page in between.
async function gridButtons(page, participant) {
  await revealItem(page, (x) => x.name.startsWith('0##score/' + participant + '/'));
  const last = (await items(page)).filter((x) => x.name.startsWith('0##score/' + participant + '/')).at(-1);
  await revealItem(page, byName(last.name));
  const list = await items(page);
  return (name) => {
    const it = list.find(byName(name));
    assert.ok(it && !it.flags.includes('clipped'), `${name} is in view`);
    return { x: it.x + it.w / 2, y: it.y + it.h / 2 };
  };
}

// Jumps to a part of the page through the outline, as a user does on a long page (and much
// faster than wheeling down from the top).
async function jump(page, label) {
  const entry = (await items(page)).find((x) => x.window.startsWith('Document/Outline') && x.label === label);
  assert.ok(entry, `the outline has ${label}`);
  await page.mouse.click(entry.x + entry.w / 2, entry.y + entry.h / 2);
  await settled(page);
}

async function typeInto(page, match, text) {
  await clickRevealed(page, match);
  await page.keyboard.press(`${primary}+A`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settled(page);
}

// Scores per regime (index into the regimes) in the order of the six usual criteria:
// burden, proportionality, clarity, focus on the child, multi-agency reach, support for improvement.
const RUTH = [[4, 2, 2, 2, 2, 2], [1, 5, 5, 5, 5, 5], [4, 4, 4, 4, 4, 4]];
const PETER = [[4, 2, 2, 2, 2, 2], [1, 5, 2, 5, 5, 5], [5, 3, 3, 3, 3, 3]];
// With burden weighted 3 and the rest 1 (8 in all): current (3x4 + 5x2) / 8 = 2.75; the proposal
// (3x1 + 4x5 + 3.5) / 8 = 3.31; the counter-proposal (3x4.5 + 5x3.5) / 8 = 3.88. Unweighted the
// proposal would come first (4.08 against 3.67): the weight decides the order.

describe('workshop', () => {
  test('build, score, rank, present and save a workshop of three regimes and two participants', async () => {
    const { page, problems } = await openClean();
    await clickItem(page, 'File');
    await clickItem(page, 'New workshop comparison');
    await settled(page);
    await typeInto(page, 'title', 'Re-inspection options: workshop');

    // Three regimes through the regime editor, each named as it is added (the page scrolls to it).
    let d;
    for (const name of ['Current arrangements', 'Ofsted proposal', 'ADCS counter-proposal']) {
      await clickRevealed(page, (x) => x.label === 'Add the current regime' || x.label === 'Add a regime');
      await settled(page);
      d = await doc(page);
      await typeInto(page, byName(`##name/${d.regimes.at(-1).id}`), name);
    }
    assert.equal(d.regimes.length, 3);
    const [cur, prop, alt] = d.regimes.map((r) => r.id);

    // Every regime is a column until one is moved: the list is then written out in order.
    await jump(page, 'Regimes compared');
    await clickRevealed(page, byName(`Move up##column/${alt}`));
    await settled(page);
    assert.deepEqual((await doc(page)).workshop.regimes, [cur, alt, prop]);
    await clickRevealed(page, byName(`Move down##column/${alt}`));
    await settled(page);
    assert.deepEqual((await doc(page)).workshop.regimes, [cur, prop, alt]);

    // The six usual criteria, then burden weighted 3.
    await jump(page, 'Criteria');
    await clickRevealed(page, 'Add the six usual criteria');
    await settled(page);
    d = await doc(page);
    assert.deepEqual(d.workshop.criteria.map((k) => k.label), ['Burden on frontline staff', 'Proportionality', 'Clarity',
      'Focus on the child', 'Multi-agency reach', 'Support for improvement']);
    assert.ok(d.workshop.criteria.every((k) => k.description && k.weight === 1));
    const criteria = d.workshop.criteria.map((k) => k.id);
    await typeInto(page, byName(`##weight/${criteria[0]}`), '3');
    assert.equal((await doc(page)).workshop.criteria[0].weight, 3);

    // Two participants.
    await jump(page, 'Participants');
    await clickRevealed(page, 'Add a participant');
    await settled(page);
    d = await doc(page);
    await typeInto(page, byName(`##participant/${d.workshop.participants[0].id}`), 'Ruth Callender, Director of Children’s Services');
    await clickRevealed(page, 'Add a participant');
    await settled(page);
    d = await doc(page);
    await typeInto(page, byName(`##participant/${d.workshop.participants[1].id}`), 'Peter Okafor');
    const [ruth, peter] = d.workshop.participants.map((p) => p.id);

    // Ruth scores by clicking each cell's button.
    await jump(page, 'Scores');
    await clickRevealed(page, byName(`Ruth Callender##scorer/${ruth}`));
    await settled(page);
    const regimes = [cur, prop, alt];
    let at = await gridButtons(page, ruth);
    for (let r = 0; r < 3; r++)
      for (let k = 0; k < 6; k++) {
        const { x, y } = at(`${RUTH[r][k]}##score/${ruth}/${regimes[r]}/${criteria[k]}`);
        await page.mouse.click(x, y);
      }
    await settled(page);
    const checked = (await items(page)).find(byName(`4##score/${ruth}/${cur}/${criteria[0]}`));
    assert.ok(checked.flags.includes('checked'), 'the chosen score shows as chosen');

    // A click on the chosen score takes it back; undo brings it back.
    await clickRevealed(page, byName(`4##score/${ruth}/${cur}/${criteria[0]}`));
    await settled(page);
    assert.equal((await doc(page)).workshop.scores.length, 17);
    await page.keyboard.press(`${primary}+Z`);
    await settled(page);
    assert.equal((await doc(page)).workshop.scores.length, 18);

    // Peter scores from the keyboard: point at a cell, type the digit.
    await clickRevealed(page, byName(`Peter Okafor##scorer/${peter}`));
    await settled(page);
    at = await gridButtons(page, peter);
    for (let r = 0; r < 3; r++)
      for (let k = 0; k < 6; k++) {
        const { x, y } = at(`0##score/${peter}/${regimes[r]}/${criteria[k]}`);
        await page.mouse.move(x, y);
        await page.keyboard.press(String(PETER[r][k]));
      }
    await settled(page);
    await findItem(page, '18 of 18 cells scored: all done');

    // A note on a score: right-click the cell, type, Enter.
    const clarity = await revealItem(page, byName(`2##score/${peter}/${prop}/${criteria[2]}`));
    await page.mouse.click(clarity.x + clarity.w / 2, clarity.y + clarity.h / 2, { button: 'right' });
    await settled(page);
    await page.keyboard.type('Nobody could say who sets the date.');
    await page.keyboard.press('Enter');
    await settled(page);

    d = await doc(page);
    assert.equal(d.workshop.scores.length, 36);
    const score = (p, r, k) => d.workshop.scores.find((s) => s.participant === p && s.regime === r && s.criterion === k);
    for (let r = 0; r < 3; r++)
      for (let k = 0; k < 6; k++) {
        assert.equal(score(ruth, regimes[r], criteria[k]).score, RUTH[r][k]);
        assert.equal(score(peter, regimes[r], criteria[k]).score, PETER[r][k]);
      }
    assert.equal(score(peter, prop, criteria[2]).note, 'Nobody could say who sets the date.');

    // The ranking, as the results show it, and the means of two cells (items out of view have
    // no labels: each is brought into view first).
    await jump(page, 'Results');
    await revealItem(page, byName(`1st##rank/${alt}`));
    const labels = (await items(page)).map((x) => x.name);
    for (const expected of [`1st##rank/${alt}`, `2nd##rank/${prop}`, `3rd##rank/${cur}`,
      `3.88##total/${alt}`, `3.31##total/${prop}`, `2.75##total/${cur}`])
      assert.ok(labels.includes(expected), `the results show ${expected}`);
    await revealItem(page, byName(`3.5##mean/${prop}/${criteria[2]}`));   // Ruth 5, Peter 2
    await revealItem(page, byName(`4.5##mean/${alt}/${criteria[0]}`));
    await screenshot(page, 'workshop-results');

    // Presentation: the results alone, in large type, no menu bar; Escape ends it.
    await jump(page, 'Results');
    await clickRevealed(page, 'Present results');
    await settled(page);
    const first = await findItem(page, '1st', { window: 'Presentation' });
    assert.ok(first.h >= 20, `large type for the room (the rank is ${first.h}px high)`);
    await page.waitForTimeout(300);   // the fonts for the screen's size are built in the frames after the click
    await settled(page);
    const shown = await items(page);
    assert.ok(!shown.some((x) => x.label === 'File'), 'no menu bar while presenting');
    assert.ok(!shown.some((x) => x.window.startsWith('Document')), 'no page while presenting');
    const title = shown.find(byName('Re-inspection options: workshop##present/title'));
    assert.ok(title && title.h >= 30, 'the title is large');
    assert.ok(shown.some(byName(`3.88##column-total/${alt}`)));
    await screenshot(page, 'workshop-presentation');
    await page.keyboard.press('Escape');
    await settled(page);
    await findItem(page, 'File');
    assert.ok(!(await items(page)).some((x) => x.window === 'Presentation'), 'the presentation is gone');
    assert.equal(await page.evaluate(() => !!document.fullscreenElement), false, 'the browser has left full screen');

    // ...and its button ends it too.
    await jump(page, 'Results');
    await clickRevealed(page, 'Present results');
    await settled(page);
    await clickItem(page, 'Leave presentation (Esc)', { window: 'Presentation' });
    await settled(page);
    await findItem(page, 'File');

    // Saved: the scores, weights and note are in the file, and it opens again.
    const download = page.waitForEvent('download');
    await page.keyboard.press(`${primary}+S`);
    const file = path.join(tmp, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await settled(page);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.kind, 'workshop');
    assert.deepEqual(saved.workshop.regimes, [cur, prop, alt]);
    assert.equal(saved.workshop.criteria[0].weight, 3);
    assert.equal(saved.workshop.participants.map((p) => p.name).join(' / '), 'Ruth Callender, Director of Children’s Services / Peter Okafor');
    assert.equal(saved.workshop.scores.length, 36);
    assert.deepEqual(saved.workshop.scores.find((s) => s.participant === peter && s.regime === prop && s.criterion === criteria[2]),
      { participant: peter, regime: prop, criterion: criteria[2], score: 2, note: 'Nobody could say who sets the date.' });
    assert.equal((await page.evaluate((t) => window.parley.load(t), fs.readFileSync(file, 'utf8'))).ok, true);
    assert.deepEqual(problems, []);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});
