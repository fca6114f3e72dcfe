// The compare view with the real mouse: regimes of an example side by side (rows lined up by
// dimension key, a summary, typed changes in words), only the differences, and two versions
// of a draft chosen through the file picker.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, findItem, items, settled, screenshot, compareWithVersion, ROOT } from './helpers.mjs';
import { prng } from '../../bench/prng.mjs';

const shared = sharedBrowserAndServer();
const example = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples', f), 'utf8'));

async function openExample(page, title) {
  await clickItem(page, 'File');
  await clickItem(page, 'Examples');
  await clickItem(page, title);
  await settled(page);
}

const named = async (page, name) => (await items(page)).find((it) => it.name.endsWith('##' + name));

// Clicks a button that opens the page's file picker and gives it `file`, as a user would.
async function chooseFile(page, button, file) {
  const chooser = page.waitForEvent('filechooser');
  await clickItem(page, button);
  await (await chooser).setFiles(file);
}

// A copy of a document in a temporary folder, for the file picker; `done()` removes it.
function tempFile(name, doc) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-compare-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return { file, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('Compare', () => {
  test('current and proposed regimes of an example side by side: summary, a changed row, only differences', async () => {
    const doc = example('no-notice-child-protection.parley.json');
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1400, height: 900 } });
    await openExample(page, doc.title);
    await clickItem(page, 'Compare');
    await clickItem(page, 'Regimes side by side');
    await settled(page);

    // The summary counts every dimension key of the two regimes once.
    const [current, proposed] = ['current', 'proposed'].map((role) => doc.regimes.find((r) => r.role === role));
    const keys = new Set([...current.dimensions, ...proposed.dimensions].map((d) => d.key));
    const summary = await named(page, 'compare/summary');
    assert.ok(summary, 'no summary');
    assert.match(summary.label, new RegExp(`^${keys.size} dimensions: `));
    // The notice row: announced (some notice) against unannounced (none) is a change.
    const before = current.dimensions.find((d) => d.key === 'notice');
    const after = proposed.dimensions.find((d) => d.key === 'notice');
    assert.ok(before && after, 'the example lost its notice dimensions');
    const state = await named(page, 'state/notice');
    assert.equal(state.label, 'changed');
    const change = await named(page, 'change/notice/1');
    assert.ok(change, 'no change line under the proposed notice');
    assert.match(change.label, /^was /);
    await screenshot(page, 'compare-regimes');

    // Escape goes back to the draft.
    await page.keyboard.press('Escape');
    await settled(page);
    assert.equal(await named(page, 'compare/summary'), undefined);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('only the differences: an unchanged row goes, the changed ones stay', async () => {
    // The workshop example's three regimes agree on one dimension.
    const doc = example('reinspection-workshop.parley.json');
    // Tall enough for every row to be in view (rows out of view carry no label or name).
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1400, height: 2400 } });
    await page.evaluate((t) => window.parley.load(t), JSON.stringify(doc));
    await clickItem(page, 'Compare');
    await clickItem(page, 'Regimes side by side');
    await settled(page);
    const states = async () => (await items(page)).filter((it) => it.name.includes('##state/')).map((it) => it.name);
    const unchanged = (await states()).filter((n) => n.startsWith('unchanged##'));
    assert.ok(unchanged.length > 0, 'the example shows no unchanged row in view');
    await clickItem(page, 'Only differences');
    await settled(page);
    const after = await states();
    assert.equal(after.filter((n) => n.startsWith('unchanged##')).length, 0);
    assert.ok(after.some((n) => n.startsWith('changed##')), 'changed rows went too');
    await screenshot(page, 'compare-regimes-differences');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('regimes from two files side by side: an alternative against another file\'s current regime', async () => {
    const response = example('integrated-inspection-adcs-alternative.parley.json');
    const other = example('no-notice-child-protection.parley.json');
    const otherFile = tempFile('no-notice.parley.json', other);

    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1400, height: 900 } });
    await page.evaluate((t) => window.parley.load(t), JSON.stringify(response));
    await clickItem(page, 'Compare');
    await clickItem(page, 'Regimes side by side');
    await chooseFile(page, 'Add regimes from a file...', otherFile.file);
    await findItem(page, 'Regimes from another file...');
    // A third column takes the first regime not shown yet: the other file's current regime.
    await clickItem(page, 'Add a column');
    await settled(page);
    const current = other.regimes.find((r) => r.role === 'current');
    const keys = new Set([...response.regimes, current].flatMap((r) => r.dimensions.map((d) => d.key)));
    const summary = await named(page, 'compare/summary');
    assert.match(summary.label, new RegExp(`^${keys.size} dimensions: `));
    const shown = (await items(page)).filter((it) => /##value\/[^/]+\/2$/.test(it.name)).map((it) => it.name.split('/')[1]);
    assert.ok(shown.length > 0, 'no value drawn in the third column');
    for (const key of shown) assert.ok(current.dimensions.some((d) => d.key === key), `${key} is not a dimension of the other file's regime`);
    // The open draft is not touched by regimes shown from another file.
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).regimes.length, response.regimes.length);
    await screenshot(page, 'compare-regimes-two-files');
    assert.deepEqual(problems, []);
    await page.close();
    otherFile.done();
  });

  test('two versions of a draft: the file picker, the changes question by question', async () => {
    const older = example('jtai-joint-response.parley.json');
    const olderFile = tempFile('sent-to-lga.parley.json', older);
    const newer = structuredClone(older);
    newer.answers[0].reasoning = 'We now add a first sentence. ' + newer.answers[0].reasoning;

    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    await page.evaluate((t) => window.parley.load(t), JSON.stringify(newer));
    await clickItem(page, 'Compare');
    await clickItem(page, 'With another version of this draft...');
    await chooseFile(page, 'Choose the other version...', olderFile.file);
    const deadline = Date.now() + 5000;
    let summary;
    while (!(summary = await named(page, 'compare/summary')) && Date.now() < deadline) await page.waitForTimeout(50);
    assert.ok(summary, 'no summary after choosing the file');
    assert.equal(summary.label, '1 change: 1 changed');
    assert.equal((await named(page, 'fieldname/0')).label, 'Reasoning');
    assert.equal((await named(page, 'kind/0')).label, 'changed');
    // The draft itself is untouched by choosing a file to compare with.
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).answers[0].reasoning, newer.answers[0].reasoning);
    await screenshot(page, 'compare-versions');
    assert.deepEqual(problems, []);
    await page.close();
    olderFile.done();
  });

  // Two 100,000-word versions with every two adjacent two-word blocks swapped: the diff runs out
  // of its work budget. It once ran in one frame of 190-540 ms (a freeze); now it is worked out a
  // slice a frame (core ComparisonJob), the page saying how far it has got, and ends in the same
  // coarse, exact result. Counted in frames, not timed: the bench times the frames.
  test('two long versions are compared over many frames with a progress line, ending in the coarse result', async () => {
    const random = prng(0x5eed);
    const syllables = ['ba', 'ke', 'li', 'mo', 'nu', 'ra', 'si', 'to', 'vo', 'we', 'da', 'fi', 'go', 'hu', 'pe', 'zu'];
    const vocabulary = new Set();
    while (vocabulary.size < 2000) {
      let w = '';
      for (let i = 2 + Math.floor(random() * 3); i > 0; i--) w += syllables[Math.floor(random() * 16)];
      vocabulary.add(w);
    }
    const vocab = [...vocabulary];
    const words = Array.from({ length: 100000 }, () => vocab[Math.floor(random() * vocab.length)]);
    const swapped = words.slice();
    for (let i = 0; i + 4 <= swapped.length; i += 4) [swapped[i], swapped[i + 1], swapped[i + 2], swapped[i + 3]] = [words[i + 2], words[i + 3], words[i], words[i + 1]];
    const render = (w) => { const p = []; for (let i = 0; i < w.length; i += 100) p.push(w.slice(i, i + 100).join(' ') + '.'); return p.join('\n\n'); };
    const draft = (text) => ({ format: 'parley', version: 1, id: 'doc-long-versions', kind: 'response', title: 'Long versions', status: 'draft',
                               sections: [{ id: 'sec-body', heading: 'The whole text', body: text }] });
    const olderFile = tempFile('older.parley.json', draft(render(words)));

    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 1280, height: 900 } });
    assert.ok((await page.evaluate((t) => window.parley.load(t), JSON.stringify(draft(render(swapped))))).ok);
    await compareWithVersion(page, olderFile.file);
    const framesAtChoice = (await page.evaluate(() => window.parley.stats())).frames;
    let progress = null, summary = null;
    const deadline = Date.now() + 120000;
    while (!summary && Date.now() < deadline) {
      const all = await items(page);
      summary = all.find((it) => it.name.endsWith('##compare/summary'));
      const working = all.find((it) => it.name.endsWith('##compare/working'));
      if (working && !progress) {
        progress = working.label;
        await screenshot(page, 'compare-working');
      }
      if (!summary) await page.waitForTimeout(5);
    }
    assert.ok(summary, 'no comparison after two minutes');
    assert.match(progress || '', /^Comparing the two versions word by word\.\.\. 0 of 1 text compared\.$/, 'a progress line while comparing');
    const frames = (await page.evaluate(() => window.parley.stats())).frames - framesAtChoice;
    assert.ok(frames >= 4, `the comparison took ${frames} frames: it was not spread over frames`);
    // The result is what compare_documents gives at once: coarse, and said to be.
    assert.ok(await named(page, 'compare/coarse'), 'the coarse note');
    assert.match(summary.label, /^1 change: 1 changed$/);
    assert.equal(await named(page, 'compare/working'), undefined, 'the progress line goes once the comparison is shown');
    assert.deepEqual(problems, []);
    await page.close();
    olderFile.done();
  });
});
