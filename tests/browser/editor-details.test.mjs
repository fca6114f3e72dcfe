// The editors' finer points, each on its own: the word limit turns the count red, prose takes
// Welsh and accented text and Tab moves on, the outline jumps and its filter finds a question,
// a framework proposal is built from its own parts, and the prose editor works the same in
// dist/parley.html opened from disk.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { sharedBrowserAndServer, openParley, clickItem, findItem, settled, items, revealItem, clickRevealed, distUrl, screenshot, SAVE_TO_DOWNLOADS } from './helpers.mjs';
import { axTree, liveRegion } from './a11y.mjs';

const shared = sharedBrowserAndServer();

// File > Examples > `title`, with the mouse.
async function openExample(page, title) {
  await clickItem(page, 'File');
  await clickItem(page, 'Examples');
  await clickItem(page, title);
  await settled(page);
}
const primary = process.platform === 'darwin' ? 'Meta' : 'Control';
const doc = async (page) => JSON.parse(await page.evaluate(() => window.parley.document()));

const THIRTY = Array.from({ length: 30 }, (_, i) => ['children', 'families', 'inspection', 'partners', 'evidence'][i % 5]).join(' ');
const RESPONSE = JSON.stringify({
  format: 'parley', version: 1, id: 'doc-details', kind: 'response', title: 'Details', status: 'draft',
  organisations: [{ id: 'org-1', name: 'ADCS' }],
  questions: [
    { id: 'q-1', number: '1', text: 'Do you agree with the proposed notice period?' },
    { id: 'q-2', number: '2', text: 'Should re-inspection follow within a year?' },
    { id: 'q-3', number: '3', text: 'Do you agree that inspections should cover health partners?' },
  ],
  answers: [{ id: 'a-1', question: 'q-1', position: 'agree', reasoning: THIRTY }],
});

// Each test starts with no autosaved copy from an earlier test's page to offer back, and
// leaves none behind.
async function openClean(url = shared.server.url) {
  const opened = await openParley(shared.browser.context, url);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.evaluate(() => window.parley.ready);
  return opened;
}

async function closeClean(page) {
  await page.evaluate(() => localStorage.clear());
  await page.close();
}

async function loaded(text) {
  const { page, problems } = await openClean();
  assert.equal((await page.evaluate((t) => window.parley.load(t), text)).ok, true);
  await settled(page);
  return { page, problems };
}

// The colour of the middle of an item's first text line, from a real screenshot.
async function inkColour(page, it) {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: it.x, y: it.y, width: Math.max(1, it.w), height: Math.max(1, it.h) } }));
  // The darkest pixel is the ink of the glyphs.
  let best = null;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (!best || r + g + b < best[0] + best[1] + best[2]) best = [r, g, b];
  }
  return best;
}

async function setWordLimit(page, value) {
  const field = await revealItem(page, (x) => x.label === 'word_limit');
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await page.keyboard.press(`${primary}+A`);
  await page.keyboard.type(String(value));
  await page.keyboard.press('Enter');
  await settled(page);
}

describe('editor details', () => {
  test('an answer over its word limit is counted in red; under it, in the muted colour', async () => {
    const { page, problems } = await loaded(RESPONSE);
    await setWordLimit(page, 20);
    assert.equal((await doc(page)).questions[0].word_limit, 20);
    const over = await revealItem(page, 'Answer: 30 of 20 words, over the limit');
    const [r, g, b] = await inkColour(page, over);
    assert.ok(r > g + 60 && r > b + 60, `the count is red (got rgb ${r},${g},${b})`);
    await setWordLimit(page, 50);
    const under = await revealItem(page, 'Answer: 30 of 50 words');
    const [r2, g2, b2] = await inkColour(page, under);
    assert.ok(Math.abs(r2 - g2) < 40 && Math.abs(r2 - b2) < 40, `not red any more (got rgb ${r2},${g2},${b2})`);
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('prose takes Welsh and accented text; Tab leaves it for the next field', async () => {
    const { page, problems } = await loaded(RESPONSE);
    const question = await revealItem(page, (x) => x.name === 'Question##q-2/text');
    await page.mouse.click(question.x + question.w - 20, question.y + 20);
    await settled(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' Ŵyr ŷ é “quoted” – £5');
    await page.keyboard.press('Tab');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'parley-input', 'the textarea is gone');
    await page.keyboard.type('2b');   // Tab went on to the question's number field
    await page.keyboard.press('Enter');
    await settled(page);
    const q = (await doc(page)).questions[1];
    assert.equal(q.text, 'Should re-inspection follow within a year? Ŵyr ŷ é “quoted” – £5');
    assert.equal(q.number, '2b', 'Tab selects the number field\'s text, so typing replaces it');
    assert.deepEqual(await page.evaluate((t) => window.parley.missingGlyphs(t), q.text), []);
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('the outline jumps to a question, and its filter shows only the questions with the words', async () => {
    const { page, problems } = await loaded(RESPONSE);
    const entry = (await items(page)).find((x) => x.window.startsWith('Document/Outline') && x.label.startsWith('3  Do you agree'));
    await page.mouse.click(entry.x + entry.w / 2, entry.y + entry.h / 2);
    await settled(page);
    const card = await findItem(page, 'Question', { window: 'Document/Page' });
    assert.ok((await items(page)).some((x) => x.name === 'Question##q-3/text' && !x.flags.includes('clipped')), 'question 3 is in view');
    await clickItem(page, 'filter');
    await page.keyboard.type('re-inspection year');
    await settled(page);
    const shown = (await items(page)).filter((x) => /^Question##q-\d\/text$/.test(x.name)).map((x) => x.name);
    assert.deepEqual(shown, ['Question##q-2/text'], 'only question 2 has both words');
    await findItem(page, 'Show all questions');
    await screenshot(page, 'editor-filter');
    assert.ok(card);
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('a framework proposal: rationale, a regime with a catalogue choice, and questions without answers', async () => {
    const { page, problems } = await openClean();
    await clickItem(page, 'File');
    await clickItem(page, 'New framework proposal');
    await settled(page);
    await clickRevealed(page, 'Add a section');
    await settled(page);
    await clickRevealed(page, 'heading');
    await page.keyboard.type('Why change');
    await clickRevealed(page, 'Add the current regime');
    await settled(page);
    await clickRevealed(page, 'Add a dimension');
    await settled(page);
    await clickItem(page, 'Notice given');
    await settled(page);
    let d = await doc(page);
    const dim = d.regimes[0].dimensions[0];
    await clickRevealed(page, (x) => x.name === `##value/${dim.id}`);
    await settled(page);
    const options = (await items(page)).filter((x) => x.window.startsWith('##Combo') && x.label);
    assert.ok(options.length >= 3, 'the notice list offers its options');
    const last = options.at(-1);
    await page.mouse.click(last.x + last.w / 2, last.y + last.h / 2);
    await settled(page);
    await clickRevealed(page, 'Add a question');
    await settled(page);
    d = await doc(page);
    assert.equal(d.kind, 'proposal');
    assert.equal(d.sections[0].heading, 'Why change');
    assert.equal(d.regimes[0].role, 'current');
    assert.equal(d.regimes[0].dimensions[0].key, 'notice');
    assert.notEqual(d.regimes[0].dimensions[0].value.option, dim.value.option, 'the choice changed');
    assert.equal(d.questions.length, 1);
    assert.equal(d.answers, undefined, 'a proposal asks; it does not answer');
    const check = await page.evaluate((t) => window.parley.load(t), JSON.stringify(d));
    assert.equal(check.ok, true);
    await screenshot(page, 'editor-proposal');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });

  test('dist/parley.html from disk: the prose editor works there too, in the app\'s own font', async () => {
    const { page, problems } = await openClean(distUrl());
    await clickRevealed(page, 'Add a question');
    await settled(page);
    const d = await doc(page);
    const it = await revealItem(page, (x) => x.name === `Reasoning##${d.answers[0].id}/reasoning`);
    await page.mouse.click(it.x + 30, it.y + 20);
    await settled(page);
    await page.keyboard.type('Typed from a file:// page.');
    await settled(page);
    assert.equal((await doc(page)).answers[0].reasoning, 'Typed from a file:// page.');
    assert.equal(await page.evaluate(() => document.fonts.check('16px ParleyText')), true, 'the textarea uses the font the canvas draws with');
    assert.deepEqual(problems, []);
    await closeClean(page);
  });
  test('a disabled button says why, on hover and to a screen reader (issue 15)', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await settled(page);
    const why = 'Add a co-signatory: name the lead organisation first';
    const button = (await axTree(page)).find((n) => n.role === 'button' && n.name === 'Add a co-signatory');
    assert.equal(button?.disabled, true);
    assert.equal(button?.description, why, 'a screen reader hears why after the name');
    const it = await findItem(page, 'Add a co-signatory');
    await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
    await page.waitForTimeout(600);   // past ImGui's hover delay
    await settled(page);
    assert.ok((await items(page)).some((x) => x.window.startsWith('##Tooltip')), 'a tooltip opens over the disabled button');
    await screenshot(page, 'disabled-button-why');
    // Once the lead is named the button works and says nothing more.
    await page.mouse.click(it.x + 40, it.y - 30);
    await page.keyboard.type('ADCS');
    await settled(page);
    const now = (await axTree(page)).find((n) => n.role === 'button' && n.name === 'Add a co-signatory');
    assert.deepEqual([now?.disabled ?? false, now?.description], [false, ''], 'enabled, with no reason left');
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('a draft opened from the menu starts at its top, not where the last one was scrolled (issue 15)', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await settled(page);
    const kindRadio = async () => (await items(page)).find((x) => x.window.startsWith('Document/Page') && x.label === 'Consultation response');
    const pageTop = async () => (await items(page)).find((x) => x.window.startsWith('Document/Page') && x.label === x.window).y;
    await openExample(page, 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace');
    await page.mouse.move(700, 400);
    for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, 600); await settled(page); }
    assert.ok((await kindRadio()).y < (await pageTop()), 'scrolled down, the top of the draft is out of view');
    await openExample(page, 'Integrated inspection of services for children: ADCS response and alternative proposal');
    const radio = await kindRadio();
    assert.ok(radio && radio.y > (await pageTop()) && radio.visible !== false, `the new draft shows its top (${radio?.y})`);
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('a status message goes with the draft it was about when another opens (issue 15)', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url,
      { init: SAVE_TO_DOWNLOADS });
    await settled(page);
    await openExample(page, 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await download;
    await settled(page);
    assert.match((await liveRegion(page)).said, /^Saved as /);
    await openExample(page, 'Re-inspecting councils judged inadequate: three options compared');
    assert.doesNotMatch((await liveRegion(page)).said, /Saved as/, 'the other draft\'s "Saved as" is gone');
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('the first key typed into an empty draft leaves the page where it is (issue 15)', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await settled(page);
    const title = await findItem(page, 'title');
    await page.mouse.click(title.x + 40, title.y + title.h / 2);
    await settled(page);
    await page.keyboard.type('R');
    await settled(page);
    const after = (await items(page)).find((it) => it.name === '##title');
    assert.equal(after.y, title.y, 'the title field moved under the caret at the first key');
    await page.keyboard.type('esponse to the consultation');
    await settled(page);
    assert.equal((await items(page)).find((it) => it.name === '##title').y, title.y, 'nor at the following ones');
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'Response to the consultation');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
