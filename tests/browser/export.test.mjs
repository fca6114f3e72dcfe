// File > Export with the real mouse: each format downloads, named after the title, carrying
// the document's words; in the web page a <script> typed into an answer is text, not code.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sharedBrowserAndServer, openParley, clickItem, settled, ROOT } from './helpers.mjs';

const shared = sharedBrowserAndServer();
const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/examples/jtai-joint-response.parley.json'), 'utf8'));
example.answers[0].reasoning = 'We object. <script>window.pwned = true</script> Noted & filed.';

async function exportAs(page, item) {
  const download = page.waitForEvent('download');
  await clickItem(page, 'File');
  await clickItem(page, 'Export');
  await clickItem(page, item);
  const d = await download;
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), 'utf8') };
}

describe('export', () => {
  test('Markdown, web page and plain text download with the document in them', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(example))).ok, true);
    await settled(page);
    const base = example.title.replace(':', ' -');

    const md = await exportAs(page, 'Markdown (.md)');
    assert.equal(md.name, `${base}.md`);
    assert.ok(md.text.startsWith(`# ${example.title}\n`));
    assert.ok(md.text.includes(`## Question 1: ${example.questions[0].text}`));

    const html = await exportAs(page, 'Web page for printing (.html)');
    assert.equal(html.name, `${base}.html`);
    assert.ok(html.text.includes('We object. &lt;script&gt;window.pwned = true&lt;/script&gt; Noted &amp; filed.'));
    assert.ok(!html.text.includes('<script>'), 'a typed script tag came out as code');
    // And opened in the browser, it shows the words and runs nothing.
    const view = await shared.browser.context.newPage();
    await view.setContent(html.text);
    assert.equal(await view.evaluate(() => window.pwned), undefined);
    assert.ok((await view.textContent('body')).includes('<script>window.pwned = true</script>'));
    await view.close();

    const txt = await exportAs(page, 'Plain text (.txt)');
    assert.equal(txt.name, `${base}.txt`);
    assert.ok(txt.text.includes(example.answers[1].reasoning.split('\n\n')[0]));
    assert.deepEqual(problems, []);
    await page.close();
  });
  test('export file names keep the title\'s words without curly quotes or symbols that mail systems and file shares refuse', async () => {
    const { page, problems } = await openParley(shared.browser.context, shared.server.url);
    const titled = { ...example, title: 'Children\u2019s services: the \u201cnew\u201d framework \u2013 health & care \u2714 #2' };
    assert.equal((await page.evaluate((t) => window.parley.load(t), JSON.stringify(titled))).ok, true);
    await settled(page);
    const md = await exportAs(page, 'Markdown (.md)');
    assert.equal(md.name, "Children's services - the new framework - health and care 2.md");
    assert.ok(md.text.startsWith(`# ${titled.title}\n`), 'the title inside the file is as typed');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
