#!/usr/bin/env node
// Builds dist/parley.html: ONE file holding the page, its styles, the favicon, the shell and
// the single-file app (wasm and fonts inlined). It opens by double-click, from disk, with no
// server and no network: this is how Parley itself travels between organisations.
//   node tools/make-dist.mjs BUILD_DIR OUT_FILE
import fs from 'node:fs';
import path from 'node:path';

const [buildDir, outFile] = process.argv.slice(2);
if (!buildDir || !outFile) { console.error('usage: make-dist.mjs BUILD_DIR OUT_FILE'); process.exit(2); }
const site = path.join(buildDir, 'site');
const read = (p) => fs.readFileSync(p, 'utf8');

// Inline script text must not close its own <script> element early.
const scriptSafe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

let html = read(path.join(site, 'index.html'));
const replaceOnce = (pattern, replacement) => {
  if (!pattern.test(html)) { console.error(`make-dist: index.html has no ${pattern}`); process.exit(1); }
  html = html.replace(pattern, () => replacement);
};
replaceOnce(/<link rel="stylesheet" href="parley\.css">/, `<style>\n${read(path.join(site, 'parley.css'))}</style>`);
const favicon = Buffer.from(read(path.join(site, 'favicon.svg'))).toString('base64');
replaceOnce(/href="favicon\.svg"/, `href="data:image/svg+xml;base64,${favicon}"`);
replaceOnce(/<script src="parley\.js"><\/script>/,
  `<script>window.PARLEY_SINGLE_FILE = true;</script>\n<script>\n${scriptSafe(read(path.join(buildDir, 'single', 'parley.js')))}\n</script>`);
replaceOnce(/<script src="share_link\.js"><\/script>/, `<script>\n${scriptSafe(read(path.join(site, 'share_link.js')))}\n</script>`);
replaceOnce(/<script src="autosave\.js"><\/script>/, `<script>\n${scriptSafe(read(path.join(site, 'autosave.js')))}\n</script>`);
replaceOnce(/<script src="mirror\.js"><\/script>/, `<script>\n${scriptSafe(read(path.join(site, 'mirror.js')))}\n</script>`);
replaceOnce(/<script src="shell\.js"><\/script>/, `<script>\n${scriptSafe(read(path.join(site, 'shell.js')))}\n</script>`);

const leftovers = html.match(/\s(src|href)="(?!data:)[^"]*"/g);
if (leftovers) { console.error(`make-dist: external references left: ${leftovers.join(', ')}`); process.exit(1); }

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, html);
console.log(`${outFile}: ${(fs.statSync(outFile).size / 1024 / 1024).toFixed(2)} MB, self-contained`);
