// The accessibility mirror (issue 14, parts 1 and 2): Parley draws into one canvas, so before
// it a screen reader found nothing but the prose textareas. These tests read what a screen
// reader would announce, from Chromium's own accessibility tree (a11y.mjs), and check it
// against what ImGui drew (items()): landmarks, headings, roles, names and states; focus the
// same in both; a screen reader's own focus and activation acting in the app; typing read
// back; a modal dialog read alone; status messages in a live region.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, items, settled, clickItem, ROOT, SAVE_TO_DOWNLOADS } from './helpers.mjs';
import { axTree, axFocused, inside, focusMirrored, targetSizeProblems, liveRegion } from './a11y.mjs';

const shared = sharedBrowserAndServer();

const press = async (page, ...keys) => { for (const k of keys) { await page.keyboard.press(k); await settled(page); } };
async function freshPage() {
  const opened = await openParley(shared.browser.context, shared.server.url);
  await settled(opened.page);
  return opened;
}
const INTERACTIVE = new Set(['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
  'combobox', 'option', 'textbox', 'spinbutton']);
const find = (tree, role, name) => tree.find((n) => n.role === role && n.name === name);

describe('accessibility mirror', () => {
  test('an empty draft reads as landmarks, headings, radio groups and named fields, in reading order', async () => {
    const { page, problems } = await freshPage();
    const tree = await axTree(page);
    const landmarks = tree.filter((n) => ['menubar', 'navigation', 'main', 'contentinfo'].includes(n.role)).map((n) => `${n.role}:${n.name}`);
    assert.deepEqual(landmarks, ['menubar:Menu bar', 'navigation:Outline', 'main:', 'contentinfo:Status bar'],
      'menu bar, outline, page and status bar, in that order');
    assert.deepEqual(inside(tree, 'menubar').filter((n) => n.role === 'menuitem').map((n) => n.name),
      ['File', 'Edit', 'Compare', 'Review', 'View', 'Help']);
    assert.ok(inside(tree, 'menubar').every((n) => n.role !== 'menuitem' || (n.hasPopup === 'menu' && n.expanded === false)),
      'each menu of the bar says it opens a menu, closed');
    const h1 = find(tree, 'heading', 'Welcome to Parley');
    assert.ok(h1 && h1.level === 1, 'the page has a level-one heading');
    for (const h of ['Organisations responding', 'Summary', 'Questions']) assert.equal(find(tree, 'heading', h)?.level, 2, h);
    assert.ok(inside(tree, 'navigation:Outline').some((n) => n.role === 'link' && n.name === 'Organisations responding'),
      'the outline lists its jumps as links');
    const kind = find(tree, 'radiogroup', 'This draft is a');
    assert.ok(kind, 'the kind of draft is a radio group named by its label');
    const radios = inside(tree, 'radiogroup:This draft is a').filter((n) => n.role === 'radio');
    assert.deepEqual(radios.map((n) => `${n.name}:${n.checked}`), ['Consultation response:true', 'Framework proposal:false', 'Workshop comparison:false']);
    // Fields named by the label drawn above them, not by their hidden ids ("##title").
    assert.ok(find(tree, 'textbox', 'Title'), 'the title field is called Title');
    assert.ok(find(tree, 'textbox', 'The consultation this answers'));
    assert.ok(find(tree, 'combobox', 'Status'), 'the status is a combo box named Status');
    assert.ok(find(tree, 'textbox', 'Find a question'), 'the outline filter is named by what it does');
    assert.equal(find(tree, 'button', 'Add a co-signatory')?.disabled, true, 'a disabled button says so');
    // Below the window's edge, still there in order (the page scrolls when it is reached).
    const order = tree.map((n) => `${n.role}:${n.name}`);
    assert.ok(order.indexOf('heading:Questions') < order.indexOf('button:Add a question'), 'Add a question follows its heading');
    assert.ok(order.indexOf('button:Add a question') < order.indexOf('heading:General points'));
    const live = inside(tree, 'contentinfo').find((n) => n.role === 'status');
    assert.ok(live && live.live === 'polite', 'the status bar has a polite live region, there before any message');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('every control drawn is announced with a role and a name, and nothing is announced that is not drawn', async () => {
    const { page, problems } = await freshPage();
    for (const step of ['empty draft', 'example']) {
      if (step === 'example') {
        await page.keyboard.press('F10'); await settled(page);
        await press(page, 'Enter', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'Enter');
      }
      // Controls: not a window's own entry ("MainMenuBar" for "##MainMenuBar"), nor ImGui's
      // unnamed parts (scrollbars, splitters).
      const drawn = (await items(page)).filter((it) => !it.flags.includes('clipped') && it.label !== it.window.replace(/^#+/, '') && it.id !== 0 &&
        (it.label !== '' || it.flags.includes('inputable')) && !it.window.startsWith('##Tooltip'));
      const report = await page.evaluate((ids) => {
        const mirror = document.getElementById('parley-mirror');
        const missing = [], unnamed = [], stray = [];
        const known = new Set(ids.map(String));
        for (const id of ids) {
          const el = mirror.querySelector(`[data-id="${id}"]`);
          if (!el) { missing.push(id); continue; }
          const name = el.getAttribute('aria-label') || el.textContent;
          if (!el.getAttribute('role') && !/^H\d$/.test(el.tagName) && el.tagName !== 'DIV') unnamed.push(id);
          if (el.getAttribute('role') && !name.trim()) unnamed.push(id);
        }
        const INTERACTIVE = ['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'combobox', 'option', 'textbox', 'spinbutton'];
        for (const el of mirror.querySelectorAll('[role]'))
          if (INTERACTIVE.includes(el.getAttribute('role')) && !known.has(el.dataset.id)) stray.push(el.dataset.id + ' ' + el.textContent);
        return { missing, unnamed, stray };
      }, drawn.filter((it) => !(it.flags.includes('disabled') && it.label === '')).map((it) => it.id));
      const label = (id) => { const it = drawn.find((x) => x.id === id); return it ? `${it.label} [${it.window}]` : id; };
      assert.deepEqual(report.missing.map(label), [], `${step}: every control drawn is in the mirror`);
      assert.deepEqual(report.unnamed.map(label), [], `${step}: each has a name`);
      // Announced but not drawn this frame: only what is scrolled out of its window (read in
      // order past the edge) may be, never something gone.
      const all = new Set((await items(page)).map((it) => String(it.id)));
      assert.deepEqual(report.stray.filter((s) => !all.has(s.split(' ')[0])), [], `${step}: nothing announced that ImGui did not lay out`);
      const tree = await axTree(page);
      const nameless = tree.filter((n) => INTERACTIVE.has(n.role) && !n.name);
      assert.deepEqual(nameless.map((n) => n.role + ' in ' + n.path.join(' > ')), [], `${step}: no control announced without a name`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the keyboard and the screen reader are on the same item, and typing is read back', async () => {
    const { page, problems } = await freshPage();
    let f = await axFocused(page);
    assert.equal(f && f.role, 'main', 'after loading, the page (main) has the focus: a reader says where it is');
    await press(page, 'Tab');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name, f.checked], ['radio', 'Consultation response', 'true'], 'Tab: the first radio, checked');
    await press(page, 'ArrowRight');
    // ImGui moves along the row with the arrows; the reader follows.
    f = await axFocused(page);
    assert.equal(f.name, 'Framework proposal');
    // The group is one Tab stop (WAI-ARIA's radio group): Tab leaves it, past the comment
    // marker, for the title; Shift+Tab comes back to the checked radio, not to the last.
    await press(page, 'Tab', 'Tab');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name], ['textbox', 'Title'], 'Tab reached the title field');
    await press(page, 'Shift+Tab', 'Shift+Tab');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name], ['radio', 'Consultation response'], 'Shift+Tab: back to the checked radio');
    await press(page, 'Tab', 'Tab');
    await page.keyboard.type('Joint response');
    await settled(page);
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name, f.value], ['textbox', 'Title', 'Joint response'], 'what was typed is the field\'s value');
    await press(page, 'Home', 'Delete');
    assert.equal((await axFocused(page)).value, 'oint response', 'a key the app handles (Delete) is read back too');
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'oint response');
    // Typing over a selection with the same character: the character is typed, not lost (a
    // change read back from the text input would see none).
    await press(page, 'Control+A');
    await page.keyboard.type('o');
    await page.keyboard.type('k');
    await settled(page);
    assert.equal(JSON.parse(await page.evaluate(() => window.parley.document())).title, 'ok');
    assert.equal((await axFocused(page)).value, 'ok');
    await press(page, 'F10');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name], ['menuitem', 'File'], 'F10: the reader is on File');
    await press(page, 'Enter');
    const tree = await axTree(page);
    assert.equal(find(tree, 'menuitem', 'File').expanded, true, 'File says it is open');
    assert.ok(find(tree, 'menu', 'File'), 'its menu is named File');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name, f.path.at(-1)], ['menuitem', 'New consultation response', 'menu:File']);
    await press(page, 'Escape', 'Escape');
    f = await axFocused(page);
    assert.deepEqual([f.role, f.name], ['textbox', 'Title'], 'Escape twice: back to the field');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a screen reader's own focus and activation act in the app", async () => {
    const { page, problems } = await freshPage();
    // A reader moves its focus to an element (its own navigation, not Tab): the app's keyboard follows.
    await focusMirrored(page, 'link', 'Summary');
    await settled(page);
    const f = (await items(page)).find((it) => it.flags.includes('focused'));
    assert.equal(f && f.label, 'Summary', 'the app\'s keyboard is on the link the reader focused');
    // Activation (a reader's "click"): adds a question, and the app acts as on a click.
    await page.evaluate(() => [...document.querySelectorAll('#parley-mirror [role=button]')].find((e) => e.textContent === 'Add a question').click());
    await settled(page);
    await settled(page);
    const doc = JSON.parse(await page.evaluate(() => window.parley.document()));
    assert.equal(doc.questions.length, 1, 'activating Add a question in the mirror added one');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a modal dialog is all that is read while it is open', async () => {
    const { page, problems } = await freshPage();
    await press(page, 'F10', 'Enter', 'End', 'ArrowUp', 'Enter');   // File > Your name and organisation...
    let tree = await axTree(page);
    const dialog = find(tree, 'dialog', 'Who are you?');
    assert.ok(dialog && dialog.modal, 'a modal dialog, named by its title');
    assert.deepEqual(tree.filter((n) => ['menubar', 'navigation', 'main'].includes(n.role)), [], 'the page behind it is not read');
    const f = await axFocused(page);
    assert.deepEqual([f.role, f.name, f.path.at(-1)], ['textbox', 'Your name', 'dialog:Who are you?'], 'the focus is in the dialog, on its first field');
    await page.keyboard.type('Sam Patel');
    await press(page, 'Escape');
    tree = await axTree(page);
    assert.equal(find(tree, 'dialog', 'Who are you?'), undefined, 'closed');
    assert.ok(find(tree, 'main', ''), 'the page is read again');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a status message is put in the live region', async () => {
    // Saving by keyboard (Ctrl+S) to the downloads folder: the status bar says where it went.
    const { page, problems } = await openParley(shared.browser.context, shared.server.url,
      { init: SAVE_TO_DOWNLOADS });
    await settled(page);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+S');
    await download;
    await settled(page);
    const { live, said } = await liveRegion(page);
    assert.equal(live.live, 'polite');
    assert.match(said, /^Saved as .* in your downloads$/, `the live region says what happened ("${said}")`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the compare view and the workshop grids read as tables, each cell with its row and column', async () => {
    const { page, problems } = await freshPage();
    const menu = async (...path) => { for (const label of path) { await clickItem(page, label); await settled(page); } };
    await menu('File', 'Examples', 'Re-inspecting councils judged inadequate: three options compared');
    await menu('Compare', 'Regimes side by side');
    let tree = await axTree(page);
    let table = inside(tree, 'table:Regimes side by side');
    assert.ok(table.length > 0, 'the comparison is a table named for what it compares');
    const heads = table.filter((n) => n.role === 'columnheader').map((n) => n.name);
    assert.equal(heads[0], 'Dimension');
    assert.equal(heads.length, 4, 'a column header for the dimensions and one for each of the three regimes');
    assert.ok(heads[1].startsWith('Single inspection framework: re-inspection as it stands (2013)'), heads[1]);
    const rows = table.filter((n) => n.role === 'row');
    assert.ok(rows.length > 3, 'a row for each dimension');
    const rowHeads = table.filter((n) => n.role === 'rowheader').map((n) => n.name);
    assert.ok(rowHeads.includes('Summary'), 'each row is headed by what it compares');
    // Each row holds its header and one cell a regime, and a cell reads its regime's value.
    const perRow = [];   // the cells of each row, in reading order
    for (const n of table) {
      if (n.role === 'row') perRow.push([]);
      else if (['cell', 'rowheader', 'columnheader'].includes(n.role) && n.path.at(-1).startsWith('row:')) perRow.at(-1).push(n.role);
    }
    for (const [i, cells] of perRow.entries())
      assert.deepEqual(cells, i === 0 ? Array(4).fill('columnheader') : ['rowheader', 'cell', 'cell', 'cell'], `row ${i}`);
    assert.ok(table.some((n) => n.role === 'StaticText' && n.path.at(-1).startsWith('cell:') && n.name.length > 0), 'cells hold their text');

    await menu('Compare', 'Back to the draft');
    const outline = (await items(page)).find((x) => x.window.startsWith('Document/Outline') && x.label === 'Scores');
    await page.mouse.click(outline.x + outline.w / 2, outline.y + outline.h / 2);
    await settled(page);
    tree = await axTree(page);
    table = inside(tree, 'table:Scores');
    assert.equal(table.filter((n) => n.role === 'columnheader').length, 4, 'the score grid: criteria down, the three regimes across');
    const groups = table.filter((n) => n.role === 'radiogroup' && n.name === 'Score');
    assert.ok(groups.length >= 3, 'each cell of the grid is a group of score buttons');
    const first = table.filter((n) => n.role === 'radio' && n.path.at(-1) === 'radiogroup:Score');
    assert.deepEqual(first.slice(0, 6).map((n) => n.name), ['0', '1', '2', '3', '4', '5']);
    assert.ok(table.some((n) => n.role === 'radio' && String(n.checked) === 'true'), 'the score given is the checked one');
    assert.ok(table.some((n) => n.role === 'rowheader' && /, weight \d/.test(n.name)), 'a row is read with its criterion and weight');
    const results = inside(tree, 'table:Workshop results');
    assert.ok(results.some((n) => n.role === 'cell' && /^Mean \d/.test(n.name)), 'a results cell reads its mean and spread in words');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('every target is 24 by 24 CSS pixels, or has room around it (WCAG 2.2, 2.5.8)', async () => {
    const { page, problems } = await freshPage();
    const menu = async (...path) => { for (const label of path) { await clickItem(page, label); await settled(page); } };
    const checked = async (where) => assert.deepEqual(await targetSizeProblems(page), [], where);
    await checked('the empty draft');
    await menu('File');
    await checked('the File menu');
    await page.keyboard.press('Escape');
    await settled(page);
    await menu('File', 'Examples', 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace');
    await checked('the joint response');
    await page.mouse.move(700, 500);
    for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, 600); await settled(page); }
    await checked('the joint response, scrolled to its questions');
    await menu('Review', 'Sign-off by organisation');
    await checked('the sign-off grid');
    await menu('File', 'Examples', 'Re-inspecting councils judged inadequate: three options compared');
    await menu('Compare', 'Regimes side by side');
    await checked('the compare view');
    await menu('Compare', 'Back to the draft');
    const scores = (await items(page)).find((x) => x.window.startsWith('Document/Outline') && x.label === 'Scores');
    await page.mouse.click(scores.x + scores.w / 2, scores.y + scores.h / 2);
    await settled(page);
    await checked('the score grid');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('Tab never leaves the focus hidden under the menu or status bar (WCAG 2.2, 2.4.11)', async () => {
    const { page, problems } = await freshPage();
    await clickItem(page, 'File'); await settled(page);
    await clickItem(page, 'Examples'); await settled(page);
    await clickItem(page, 'Joint targeted area inspections: joint response from ADCS, the LGA and Solace'); await settled(page);
    // Forty Tabs down the page, then twenty back: the page scrolls so the focused item shows
    // whole (or, for a field taller than the page, a good part of it) inside its window, which
    // lies between the two bars.
    for (const [key, times] of [['Tab', 40], ['Shift+Tab', 20]]) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        await settled(page);
        const all = await items(page);
        const f = all.find((it) => (it.flags || []).includes('focused'));
        assert.ok(f, `something has the keyboard after ${key} ${i + 1}`);
        const where = `${f.label} (${key} ${i + 1})`;
        assert.ok(!f.flags.includes('clipped'), `${where} is in view`);
        assert.ok(!f.flags.includes('partly') || f.h >= 40, `${where} shows, not a sliver of it (${f.h} px)`);
        const bar = all.find((it) => it.window === '##MainMenuBar' && it.label === 'MainMenuBar');
        assert.ok(f.y >= bar.y + bar.h, `${where} is below the menu bar`);
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('at 320 CSS pixels wide (400 % zoom) every control is inside the window: nothing runs off its edge (1.4.10)', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 320, height: 640 } });
    await settled(page);
    // An item ImGui cut at its window's side: shown only in part, though its top and bottom are
    // inside the window (an item cut at the top or bottom is only scrolled part way).
    const offEdge = async () => {
      const all = await items(page);
      const windowOf = (it) => all.find((w) => w.window === it.window && (w.label === w.window || '##' + w.label === w.window));
      return all.filter((it) => (it.flags || []).includes('partly') && !(it.flags || []).includes('clipped')).filter((it) => {
        const w = windowOf(it);
        return w && it.y > w.y + 0.5 && it.y + it.h < w.y + w.h - 0.5;
      }).map((it) => `${it.label || it.name} in ${it.window}, ${Math.round(it.x)}+${Math.round(it.w)}`);
    };
    assert.deepEqual(await offEdge(), [], 'the empty draft: the menu bar, the kind of draft, the title');
    await page.evaluate((t) => window.parley.load(t), fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8'));
    await settled(page);
    await page.mouse.move(160, 320);
    for (let i = 0; i < 4; i++) {
      assert.deepEqual(await offEdge(), [], `the joint response, ${i} scrolls down`);
      await page.mouse.wheel(0, 500);
      await settled(page);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('in a narrow window (200 % zoom) the outline is a Contents button: opened by keyboard, an entry taken, the page comes back there', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url, { viewport: { width: 640, height: 700 } });
    await settled(page);
    await page.evaluate((t) => window.parley.load(t), fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8'));
    await settled(page);
    let tree = await axTree(page);
    assert.deepEqual(inside(tree, 'navigation:Outline').filter((n) => n.role !== 'StaticText').map((n) => `${n.role}:${n.name}:${n.expanded}`),
      ['button:Contents:false'], 'closed, the outline landmark holds the Contents button only');
    // Shift+Tab from the page's first control reaches it, as it reaches the outline beside the page.
    await press(page, 'Tab', 'Shift+Tab');
    for (let i = 0; i < 3 && (await axFocused(page))?.name !== 'Contents'; i++) await press(page, 'Shift+Tab');
    assert.equal((await axFocused(page))?.name, 'Contents');
    await press(page, 'Enter');
    tree = await axTree(page);
    assert.equal(find(tree, 'button', 'Contents')?.expanded, true, 'the button says the outline is open');
    assert.deepEqual(tree.filter((n) => n.role === 'main'), [], 'the outline takes the page\'s place');
    let f = await axFocused(page);
    assert.deepEqual([f?.role, f?.name], ['link', 'Details'], 'the keyboard is on its first entry');
    for (let i = 0; i < 20 && (await axFocused(page))?.name !== 'General points'; i++) await press(page, 'Tab');
    assert.equal((await axFocused(page))?.name, 'General points');
    if (process.env.PARLEY_SHOTS) await page.screenshot({ path: `${process.env.PARLEY_SHOTS}/contents-open-640.png` });
    await press(page, 'Enter');
    tree = await axTree(page);
    assert.equal(find(tree, 'button', 'Contents')?.expanded, false, 'an entry taken closes the outline');
    const heading = (await items(page)).find((it) => it.window.startsWith('Document/Page') && it.label === 'General points');
    const pageWin = (await items(page)).find((it) => it.window.startsWith('Document/Page') && it.label === it.window);
    assert.ok(heading && heading.y >= pageWin.y - 1 && heading.y < pageWin.y + 80, `the page is back at General points (${heading?.y} in ${pageWin?.y})`);
    if (process.env.PARLEY_SHOTS) await page.screenshot({ path: `${process.env.PARLEY_SHOTS}/contents-closed-640.png` });
    f = await axFocused(page);
    assert.ok(f && f.path.some((p) => p.startsWith('main')), `the keyboard went on in the page (${f?.role} ${f?.name})`);
    // Opened with the mouse, Escape closes it and leaves the keyboard on the button.
    await clickItem(page, 'Contents', { window: 'Document/Outline' });
    await settled(page);
    assert.equal(find(await axTree(page), 'button', 'Contents')?.expanded, true);
    await press(page, 'Escape');
    tree = await axTree(page);
    assert.equal(find(tree, 'button', 'Contents')?.expanded, false, 'Escape closes it');
    assert.equal((await axFocused(page))?.name, 'Contents', 'the keyboard is back on the button');
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('what a tooltip explains is read with its control: a Remove button says what it removes', async () => {
    const { page, problems } = await freshPage();
    await page.evaluate((t) => window.parley.load(t), fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8'));
    await settled(page);
    const removes = (await axTree(page)).filter((n) => n.role === 'button' && n.name === 'Remove').map((n) => n.description);
    assert.equal(removes[0], 'Remove Association of Directors of Children\u2019s Services (Undo brings it back)', 'no hover needed to know which');
    assert.equal(removes[1], 'Remove Local Government Association (Undo brings it back)');
    assert.equal(find(await axTree(page), 'button', 'Sign-off by organisation')?.description,
      "Each co-signatory's sign-off of each answer: what is agreed, what waits, where positions differ");
    assert.deepEqual(problems, []);
    await page.close();
  });
});
