// File > Export > Joint response... with the real mouse: what is unfinished is listed first
// (open comments, sign-offs missing), one click opens it in the draft; the downloaded text has
// the organisations, the agreed answers and one sentence per co-signatory that differs, and
// nothing the organisations said among themselves. Copy answer gives the same text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, clickRevealed, findItem, items, settled, screenshot, ROOT } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8'));

// The example, with Solace's view on question 4 in words that must survive every export, and
// LGA's sign-off of question 1 marked "needs discussion" with an internal reason.
function draft() {
  const d = structuredClone(example);
  const q4 = d.answers.find((a) => a.id === 'ans-q4');
  q4.signatories[0].note = 'Each letter needs a plain conclusion — “adequately protected” or not <b>now</b> 😀.';
  const q1 = d.answers.find((a) => a.id === 'ans-q1');
  q1.signatories = [{ organisation: 'org-lga', signoff: 'discuss', reason: 'INTERNAL: our board meets on Friday' }];
  return d;
}

// Every co-signatory agrees every answer, and no comment is open.
function finished() {
  const d = draft();
  for (const a of d.answers) {
    for (const org of ['org-lga', 'org-solace']) {
      let s = (a.signatories ||= []).find((x) => x.organisation === org);
      if (!s) a.signatories.push(s = { organisation: org });
      s.signoff = 'agreed';
      delete s.reason;
    }
  }
  for (const c of d.comments) c.resolved = true;
  return d;
}

async function load(page, doc) {
  assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(doc))).ok, true);
  await settled(page);
}

async function openJointExport(page) {
  await clickItem(page, 'File');
  await clickItem(page, 'Export');
  await clickItem(page, 'Joint response...');
  await findItem(page, 'Markdown (.md)', { window: 'Export the joint response' });
}

async function download(page, label) {
  const d = page.waitForEvent('download');
  await clickItem(page, label, { window: 'Export the joint response' });
  const got = await d;
  return { name: got.suggestedFilename(), text: fs.readFileSync(await got.path(), 'utf8') };
}

describe('joint response', () => {
  test('unfinished work is listed before export; the export says each differing position in one sentence and nothing internal', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await load(page, draft());
    await openJointExport(page);
    const listed = (await items(page)).filter((it) => it.window.includes('unfinished')).map((it) => it.label);
    assert.ok(listed.some((l) => l.startsWith('Open comment on the answer to question 7: “Solace members are content')), listed.join('\n'));
    assert.ok(listed.includes('Question 1: LGA needs discussion'), listed.join('\n'));
    assert.ok(listed.includes('Question 2: Solace has not signed it off yet'), listed.join('\n'));
    assert.ok(!listed.some((l) => l.includes('question 5')), 'a resolved comment is listed');
    await screenshot(page, 'joint-response-unfinished');

    const md = await download(page, 'Markdown (.md)');
    assert.equal(md.name, `${example.title.replace(':', ' -')} - joint response.md`);
    assert.ok(md.text.includes('**A joint response from**: Association of Directors of Children'), md.text.slice(0, 400));
    assert.ok(md.text.includes('Solace partly agrees with this proposal: Each letter needs a plain conclusion — “adequately protected” or not \\<b>now\\</b> 😀.'));   // typed markup escaped
    assert.ok(md.text.includes('LGA adds: The LGA would go further'), 'the same position with a note is said as an addition');
    for (const internal of ['INTERNAL', 'Solace members are content', 'Sign-off', 'needs discussion']) assert.ok(!md.text.includes(internal), internal);

    await openJointExport(page);
    const html = await download(page, 'Web page for printing (.html)');
    assert.ok(html.text.includes('or not &lt;b&gt;now&lt;/b&gt; 😀.</p>'));
    assert.ok(!html.text.includes('<b>now'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('clicking an unfinished item opens it in the draft; a finished response says so', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await load(page, draft());
    await openJointExport(page);
    await clickItem(page, 'Question 1: LGA needs discussion', { window: 'Export the joint response' });
    await settled(page);
    assert.ok(!(await items(page)).some((it) => it.window.startsWith('Export the joint response') && it.label === 'Markdown (.md)'), 'the modal stayed open');

    await load(page, finished());
    await openJointExport(page);
    await findItem(page, 'Export as:', { window: 'Export the joint response' }).catch(() => {});
    const texts = (await items(page)).filter((it) => it.window.startsWith('Export the joint response')).map((it) => it.label);
    assert.ok(!texts.some((l) => l.startsWith('Open comment') || l.startsWith('Question ')), texts.join('\n'));
    await screenshot(page, 'joint-response-ready');
    const txt = await download(page, 'Plain text (.txt)');
    assert.ok(txt.text.includes('Solace partly agrees with this proposal:'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the draft exports carry comments only with Include comments; Copy answer gives the joint text', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    await load(page, draft());
    const exportDraft = async () => {
      const d = page.waitForEvent('download');
      await clickItem(page, 'File');
      await clickItem(page, 'Export');
      await clickItem(page, 'Markdown (.md)');
      return fs.readFileSync(await (await d).path(), 'utf8');
    };
    const without = await exportDraft();
    assert.ok(!without.includes('Solace members are content'));
    assert.ok(without.includes('**Sign-off**: LGA: Needs discussion (INTERNAL: our board meets on Friday)'));
    await clickItem(page, 'File');
    await clickItem(page, 'Export');
    await clickItem(page, 'Include comments');
    await settled(page);
    const withComments = await exportDraft();
    assert.ok(withComments.includes('## Comments'));
    assert.ok(withComments.includes('Solace members are content'));

    await page.keyboard.press('Escape');
    await clickRevealed(page, (it) => it.name === 'Copy answer##q4');
    await settled(page);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith('Position: Agree\n\n'), copied.slice(0, 80));
    assert.ok(copied.endsWith('Solace partly agrees with this proposal: Each letter needs a plain conclusion — “adequately protected” or not <b>now</b> 😀.'), copied.slice(-200));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
