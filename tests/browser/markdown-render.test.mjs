// Markdown exports are rendered by wikis, mail clients and code hosts that pass raw HTML
// through and follow any link. A draft from another organisation can carry script in every
// field; exported and rendered by two widely used renderers (marked, as it comes; markdown-it
// with raw HTML and linkify on) in Chromium, it must run nothing, link nowhere but http(s) and
// mailto, and show every typed character as typed. The Markdown comes from `parley export`,
// the same core export as File > Export.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import MarkdownIt from 'markdown-it';
import { launch, ROOT, SCREENSHOTS } from './helpers.mjs';

// PARLEY_TOOL runs the test against another build of the CLI.
const tool = process.env.PARLEY_TOOL ? path.resolve(process.env.PARLEY_TOOL) : path.join(ROOT, 'build/native/parley');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-md-'));

// What an attacker types; each one is also a line of its own in prose fields.
const PAYLOAD = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '[x](javascript:alert(3))',
  '<a href="javascript:alert(4)">four</a>',
  '<javascript:alert(5)>',
  '[six][r6]',
  '[r6]: javascript:alert(6)',
  '<svg onload=alert(7)>',
  '<iframe src="javascript:alert(8)"></iframe>',
  '![nine](javascript:alert(9))',
  '<details open ontoggle=alert(10)>x</details>',
  '&lt;b&gt; &#60;i&#62; &amp;',
  '# not a heading',
  '- not a list',
  '1. not a list',
  '> not a quote',
  '*not em* _not em_ `not code` ~~not struck~~ a|b',
];

// Every field a person types into, by its key in the file (ids, references and choices left alone).
const FREE_TEXT = new Set(['title', 'name', 'short_name', 'role', 'contacts', 'owners', 'text', 'body', 'heading', 'summary', 'reasoning',
  'evidence', 'recommendations', 'note', 'rationale', 'publisher', 'url', 'author', 'description', 'label', 'reason', 'exception']);
const PROSE = new Set(['text', 'body', 'summary', 'reasoning', 'evidence', 'recommendations', 'note', 'rationale', 'description']);

// Each field gets the payload, tagged with where it is so a lost field shows by name.
function hostile(doc) {
  const typed = [];
  const walk = (x, key, where) => {
    if (Array.isArray(x)) return x.map((v, i) => (typeof v === 'string' ? (FREE_TEXT.has(key) ? fill(`${where}/${i}`, false) : v) : walk(v, key, `${where}/${i}`)));
    if (x && typeof x === 'object') {
      for (const k of Object.keys(x)) {
        if (typeof x[k] === 'string') { if (FREE_TEXT.has(k) && x[k] !== '' && !(k === 'role' && where.startsWith('/regimes'))) x[k] = fill(`${where}/${k}`, PROSE.has(k)); }
        else x[k] = walk(x[k], k, `${where}/${k}`);
      }
    }
    return x;
  };
  const fill = (where, prose) => {
    typed.push(where);
    return prose ? [where, ...PAYLOAD].join('\n\n') : `${where} ${PAYLOAD.join(' ')}`;
  };
  walk(doc, '', '');
  return typed;
}

const renderers = {
  marked: (md) => marked.parse(md),
  'markdown-it': (md) => new MarkdownIt({ html: true, linkify: true }).render(md),
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

// Renders in a fresh page and reports what ran and what the page holds.
async function render(html) {
  const page = await browser.context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`, { waitUntil: 'load' });
  await page.waitForTimeout(300);   // onerror and ontoggle fire after load
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.localName} ${a.name}>`));
    const bad = all.flatMap((e) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((n) => e.getAttribute(n)).filter((v) => v && !/^(https?:|mailto:|#)/i.test(v.trim())));
    const links = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    return {
      handlers, bad, links,
      elements: [...document.querySelectorAll('script, iframe, object, embed, svg, details, img, form')].map((e) => e.localName),
      text: document.body.innerText.replace(/\s+/g, ' '),
    };
  });
  return { page, dialogs, ...found };
}

for (const [example, options] of [['jtai-joint-response', []], ['jtai-joint-response', ['--joint']], ['jtai-joint-response', ['--comments']], ['reinspection-workshop', []]]) {
  describe(`Markdown export of a hostile ${example} ${options.join(' ')}`, () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, `assets/examples/${example}.parley.json`), 'utf8'));
    const typed = hostile(doc);
    const file = path.join(tmp, `${example}${options.join('')}.parley.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));

    for (const [name, toHtml] of Object.entries(renderers)) {
      test(`rendered by ${name}: no script runs, no javascript: link, every field shows what was typed`, async () => {
        const r = spawnSync(tool, ['export', '--format', 'markdown', ...options, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
        assert.equal(r.status, 0, r.stderr);
        const md = r.stdout;
        const shown = await render(toHtml(md));
        if (example === 'jtai-joint-response' && !options.length) {
          fs.mkdirSync(SCREENSHOTS, { recursive: true });
          await shown.page.screenshot({ path: path.join(SCREENSHOTS, `markdown-render-${name}.png`), fullPage: false });
        }
        await shown.page.close();
        assert.deepEqual(shown.dialogs, [], `alerts fired: ${shown.dialogs.length}`);
        assert.deepEqual(shown.handlers, [], 'elements with event handlers');
        assert.deepEqual(shown.bad, [], 'links or sources that are not http(s) or mailto');
        assert.deepEqual(shown.elements, [], 'elements the author did not write');
        for (const href of shown.links) assert.match(href, /^(https?:|mailto:)/i);
        // Every field of the exported draft shows each typed line literally.
        let seen = 0;
        for (const where of typed) {
          if (!shown.text.includes(where)) continue;   // not in this export (a joint response leaves internals out)
          seen++;
        }
        assert.ok(seen >= (options.includes('--joint') ? 5 : 20), `only ${seen} of ${typed.length} fields found in the rendered text`);
        for (const line of PAYLOAD) {
          const count = shown.text.split(line).length - 1;
          assert.ok(count >= seen, `"${line}" shows ${count} times for ${seen} fields`);
        }
      });
    }
  });
}
