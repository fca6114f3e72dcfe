// Who wrote what, with the real mouse and keyboard: a draft whose file carries three revisions
// (ADCS's first draft, LGA's additions, ADCS's tightening) opens; a prose field's History button
// lists the revisions that changed it, newest first, with organisation, person, time and note,
// and the words each one added or removed; typing in the field puts "Not saved yet" on top;
// Escape shuts the panel and the right-click menu opens it again; in the version comparison each
// change says whose revision made it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { sharedBrowserAndServer, openParley, clickItem, items, settled, screenshot, revealItem } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const named = async (page, name) => (await items(page)).find((it) => it.name.endsWith('##' + name));
const dot = ' \u00B7 ';

const first = 'We agree with the proposal as drafted.';
const byLga = 'We agree with the proposal, provided councils set the focus.';
const byAdcs = 'We broadly agree with the proposal, provided councils set the focus.';
const evidence = 'Members report that one week on site is too short.';

// The draft as ADCS's file holds it after three saves; each revision keeps what it changed,
// backwards, as Parley writes it (docs/format.md, History).
function draft() {
  return {
    format: 'parley', version: 1, id: 'doc-who-2026', kind: 'response', title: 'Response on proposal 1', status: 'draft',
    organisations: [
      { id: 'org-adcs', name: "Association of Directors of Children's Services", short_name: 'ADCS', role: 'lead' },
      { id: 'org-lga', name: 'Local Government Association', short_name: 'LGA', role: 'co-signatory' },
    ],
    questions: [{ id: 'q-1', number: '1', text: 'Do you agree with proposal 1?' }],
    answers: [{ id: 'ans-1', question: 'q-1', position: 'partly_agree', reasoning: byAdcs, evidence }],
    revisions: [
      { id: 'rev-1', time: '2026-11-02T09:00:00Z', organisation: 'ADCS', author: 'Jane Smith', note: 'First draft' },
      { id: 'rev-2', parent: 'rev-1', time: '2026-11-27T10:15:00Z', organisation: 'LGA', author: 'Sam Patel',
        changes: [{ at: 'answers/ans-1/reasoning', was: first }, { at: 'answers/ans-1/evidence' }], kept: true },
      { id: 'rev-3', parent: 'rev-2', time: '2026-11-28T14:02:00Z', organisation: 'ADCS', author: 'Jane Smith', note: 'Tightened',
        changes: [{ at: 'answers/ans-1/reasoning', was: byLga }], kept: true },
    ],
  };
}

// The version ADCS sent round first: the content of rev-1.
function sentRound() {
  const d = draft();
  d.answers[0].reasoning = first;
  delete d.answers[0].evidence;
  d.revisions = [d.revisions[0]];
  return d;
}

// Pixels on the inserted (green) and deleted (red) tints of the light theme, between two items of the panel.
async function tints(page, from, to) {
  const a = await named(page, from), b = await named(page, to);
  const clip = { x: a.x, y: a.y + a.h, width: 360, height: Math.max(1, b.y - a.y - a.h) };
  const png = PNG.sync.read(await page.screenshot({ clip }));
  const near = (i, rgb) => Math.abs(png.data[i] - (rgb >> 16)) < 4 && Math.abs(png.data[i + 1] - ((rgb >> 8) & 255)) < 4 && Math.abs(png.data[i + 2] - (rgb & 255)) < 4;
  let inserted = 0, deleted = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (near(i, 0xD5F0DA)) inserted++;
    if (near(i, 0xFAD9D6)) deleted++;
  }
  return { inserted, deleted };
}

async function label(page, name) {
  const deadline = Date.now() + 5000;
  let it;
  while (!(it = await named(page, name)) && Date.now() < deadline) await page.waitForTimeout(50);
  return it?.label;
}

describe('who wrote what', () => {
  test('a field\'s history: revisions newest first with who, when and the words; unsaved edits on top; keyboard and right-click', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1400, height: 900 } });
    await page.evaluate((t) => window.parley.load(t), JSON.stringify(draft()));
    await settled(page);

    const history = await revealItem(page, (x) => x.name === 'History##history/ans-1/reasoning');
    await page.mouse.click(history.x + history.w / 2, history.y + history.h / 2);
    await settled(page);
    assert.equal(await label(page, 'history/where'), 'Question 1 \u203A Reasoning');
    assert.equal(await label(page, 'history/summary'), '3 saved revisions changed this field, by ADCS, LGA.');
    assert.equal(await label(page, 'history/heading/0'), `ADCS${dot}Jane Smith${dot}28 Nov 2026 14:02${dot}Tightened`);
    assert.equal(await label(page, 'history/change/0'), 'Added \u201Cbroadly\u201D.');
    assert.equal(await label(page, 'history/heading/1'), `LGA${dot}Sam Patel${dot}27 Nov 2026 10:15`);
    assert.match(await label(page, 'history/change/1'), /^Added \u201C.*provided councils set the focus.*\u201D; removed \u201Cas drafted\u201D\.$/);
    assert.equal(await label(page, 'history/heading/2'), `ADCS${dot}Jane Smith${dot}2 Nov 2026 09:00${dot}First draft`);
    assert.equal(await label(page, 'history/first/2'), 'The words as this field was first saved:');
    // The words are marked as the compare view marks them: LGA's entry shows inserted words on
    // the green tint and deleted ones on the red tint; ADCS's only inserted ones.
    const lga = await tints(page, 'history/heading/1', 'history/change/1');
    assert.ok(lga.inserted > 200 && lga.deleted > 50, `LGA's change is not marked: ${JSON.stringify(lga)}`);
    const adcs = await tints(page, 'history/heading/0', 'history/change/0');
    assert.ok(adcs.inserted > 50 && adcs.deleted === 0, `ADCS's change is not marked as an insertion: ${JSON.stringify(adcs)}`);
    await screenshot(page, 'field-history-panel');

    // Typing in the field: the first entry is the unsaved edit, marked as such.
    const field = await revealItem(page, (x) => x.name === 'Reasoning##ans-1/reasoning');
    await page.mouse.click(field.x + 30, field.y + 20);
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'parley-prose');
    await page.keyboard.press(`${primary}+Home`);
    await page.keyboard.type('Indeed, ');
    await settled(page);
    await page.keyboard.press('Escape');
    await settled(page);
    assert.equal(await label(page, 'history/heading/0'), 'Not saved yet');
    assert.match(await label(page, 'history/change/0'), /^Added \u201CIndeed,/);
    assert.equal(await label(page, 'history/heading/1'), `ADCS${dot}Jane Smith${dot}28 Nov 2026 14:02${dot}Tightened`);
    assert.match(await label(page, 'history/summary'), /also has changes not saved yet/);

    // Escape shuts the panel when it has the keyboard; the field's right-click menu opens it again.
    await clickItem(page, (await named(page, 'history/summary')).label);
    await page.keyboard.press('Escape');
    await settled(page);
    assert.equal(await named(page, 'history/summary'), undefined, 'Escape did not close the panel');
    const again = await revealItem(page, (x) => x.name === 'Reasoning##ans-1/reasoning');
    await page.mouse.click(again.x + again.w / 2, again.y + again.h - 8, { button: 'right' });
    await settled(page);
    await clickItem(page, 'Who wrote what...');
    await settled(page);
    assert.equal(await label(page, 'history/heading/0'), 'Not saved yet');
    // The evidence has its own history: LGA wrote it.
    const ev = await revealItem(page, (x) => x.name === 'History##history/ans-1/evidence');
    await page.mouse.click(ev.x + ev.w / 2, ev.y + ev.h / 2);
    await settled(page);
    assert.equal(await label(page, 'history/heading/0'), `LGA${dot}Sam Patel${dot}27 Nov 2026 10:15`);
    assert.equal(await label(page, 'history/change/0'), `Added \u201C${evidence}\u201D.`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the version comparison says whose revision made each change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-who-'));
    const older = path.join(dir, 'sent-round.parley.json');
    fs.writeFileSync(older, JSON.stringify(sentRound(), null, 2));
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1400, height: 900 } });
    await page.evaluate((t) => window.parley.load(t), JSON.stringify(draft()));
    await settled(page);
    await clickItem(page, 'Compare');
    await clickItem(page, 'With another version of this draft...');
    const chooser = page.waitForEvent('filechooser');
    await clickItem(page, 'Choose the other version...');
    await (await chooser).setFiles(older);
    assert.equal(await label(page, 'compare/summary'), '2 changes: 2 changed');
    const changes = {};
    for (const n of [0, 1]) changes[await label(page, `fieldname/${n}`)] = await label(page, `by/${n}`);
    assert.equal(changes.Reasoning, 'changed by ADCS, 28 Nov 2026, revision of Jane Smith');
    assert.equal(changes.Evidence, 'changed by LGA, 27 Nov 2026, revision of Sam Patel');
    await screenshot(page, 'field-history-compare');
    assert.deepEqual(problems, []);
    await page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
