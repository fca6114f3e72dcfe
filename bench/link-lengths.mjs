#!/usr/bin/env node
// How long a share link (File > Copy share link) is for each example draft and for the
// 40-question joint response of the merge benchmark: measured with the page's own code
// (web/share_link.js: deflate-raw through CompressionStream, base64url), under Node, whose
// CompressionStream is the same zlib at the same default level as Chromium's.
//   node bench/link-lengths.mjs [JOINT_RESPONSE_FILE]      (make bench-links makes the file)
// Prints a Markdown table for docs/benchmarks.md ("Share links").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await import(path.join(ROOT, 'web/share_link.js'));
const S = globalThis.ParleyShareLink;

// The address `make run` serves on; from disk the link starts file:///.../parley.html instead.
const BASE = 'http://127.0.0.1:8080/';
// Mirrors kShareLinkMailSafeChars in src/ui/share_link_modal.h (why 2,000: see there).
const MAIL_SAFE_CHARS = 2000;

const drafts = fs.readdirSync(path.join(ROOT, 'assets/examples')).filter((f) => f.endsWith('.parley.json')).sort()
  .map((f) => ({ name: `assets/examples/${f}`, file: path.join(ROOT, 'assets/examples', f) }));
if (process.argv[2]) drafts.push({ name: 'joint response, 40 questions (bench/joint_response.h)', file: process.argv[2] });

const fmt = (n) => n.toLocaleString('en-GB');
console.log(`Share link lengths (base ${BASE}, ${fmt(BASE.length)} characters; Node ${process.version})\n`);
console.log('| draft | JSON bytes | deflated bytes | link characters | fits in mail/chat (2,000)? | opens in Chromium (2 MB)? |');
console.log('|---|---:|---:|---:|:---:|:---:|');
for (const d of drafts) {
  const text = fs.readFileSync(d.file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const link = await S.makeLink(text, BASE);
  const packed = await S.deflate(new TextEncoder().encode(text));
  // The link must read back to the same text, or the figure means nothing.
  const back = await S.readFragment(new URL(link).hash, 64 << 20);
  if (!back.bytes || Buffer.from(back.bytes).toString('utf8') !== text) throw new Error(`${d.name}: the link does not read back`);
  console.log(`| ${d.name} | ${fmt(bytes)} | ${fmt(packed.length)} | ${fmt(link.length)} | ` +
    `${link.length <= MAIL_SAFE_CHARS ? 'yes' : 'no'} | ${link.length <= S.MAX_LINK_CHARS ? 'yes' : 'no'} |`);
}
