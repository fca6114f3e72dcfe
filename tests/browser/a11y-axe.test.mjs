// axe-core (pinned in package.json) on every view of Parley, each theme, the dialogs: no
// violation of the WCAG 2.0/2.1/2.2 A and AA rules it checks (issue 14, part 4). What axe reads
// is the accessibility mirror (web/mirror.js): roles, names, states, landmarks, their nesting.
// Contrast is not axe's to judge here (the mirror is not what is seen): tests/unit checks the
// themes' colours themselves.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, settled, clickItem, clickRevealed, findItem, items, compareWithVersion, ROOT } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const AXE = path.join(ROOT, 'tests/browser/node_modules/axe-core/axe.min.js');
const EXAMPLES = path.join(ROOT, 'assets/examples');

async function violations(page) {
  await settled(page);
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.html.slice(0, 120)).join(' | ')})`);
}

async function checked(page, view, results) {
  const found = await violations(page);
  results.push(`${view}: ${found.length ? found.join('; ') : 'no violations'}`);
  assert.deepEqual(found, [], `axe in ${view}`);
}

async function menu(page, ...path) {
  for (const label of path) { await clickItem(page, label); await settled(page); }
}

// What axe found in each view, for the closing note and docs/accessibility.md.
const results = [];

describe('axe-core finds no WCAG 2.2 AA violation', () => {
  test('the empty draft, in each theme', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    for (const theme of ['Light', 'Dark', 'High contrast']) {
      await menu(page, 'View', theme);
      await checked(page, `empty draft (${theme})`, results);
    }
    await menu(page, 'View', 'Light');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('each example, and the compare view and sign-off grid where it has them', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    const titles = fs.readdirSync(EXAMPLES).map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).title);
    assert.equal(titles.length, 5, 'five examples');
    for (const title of titles) {
      await menu(page, 'File', 'Examples', title);
      const discard = (await items(page)).find((it) => /^Discard and/.test(it.label));
      if (discard) await clickItem(page, discard.label);
      await checked(page, `example "${title.slice(0, 40)}"`, results);
      await menu(page, 'Compare', 'Regimes side by side');
      await checked(page, `compare view of "${title.slice(0, 40)}"`, results);
      await menu(page, 'Compare', 'Back to the draft');
    }
    await menu(page, 'File', 'Examples', titles.find((t) => /joint response/i.test(t)));
    await menu(page, 'Review', 'Sign-off by organisation');
    await checked(page, 'sign-off by organisation', results);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the version comparison', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await menu(page, 'File', 'Examples', 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace');
    await compareWithVersion(page, path.join(EXAMPLES, 'jtai-joint-response.parley.json'));
    await settled(page);
    await checked(page, 'version comparison', results);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the workshop: editor, results and presentation', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await menu(page, 'File', 'Examples', 'Re-inspecting councils judged inadequate: three options compared');
    await checked(page, 'workshop editor', results);
    await clickItem(page, 'Results', { window: 'Document/Outline' });
    await settled(page);
    await checked(page, 'workshop results', results);
    await clickRevealed(page, 'Present results');
    await findItem(page, 'Leave presentation (Esc)', { window: 'Presentation' });
    await checked(page, 'workshop presentation', results);
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the dialogs', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    const dialogs = [
      [['Help', 'About Parley'], 'About Parley'],
      [['Help', 'Keyboard shortcuts'], 'keyboard shortcuts'],
      [['File', 'Your name and organisation...'], 'your name and organisation'],
    ];
    for (const [path, name] of dialogs) {
      await menu(page, ...path);
      await checked(page, `dialog: ${name}`, results);
      await page.keyboard.press('Escape');
      await settled(page);
    }
    await menu(page, 'File', 'Examples', 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace');
    await menu(page, 'File', 'Export');
    const exportItems = (await items(page)).filter((it) => it.window.startsWith('##Menu_01') && it.label && it.label !== 'Menu_01');
    const joint = exportItems.find((it) => /consolidated|joint/i.test(it.label)) || exportItems[0];
    await clickItem(page, joint.label);
    await checked(page, `dialog: export (${joint.label})`, results);
    assert.deepEqual(problems, []);
    await page.close();
    console.log('axe results per view:\n  ' + results.join('\n  '));
  });
});
