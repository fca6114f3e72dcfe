// The command-line tool against files from outside: text in a draft can hold terminal escape
// sequences (retitle the window, clear the screen, recolour), C1 controls and bidi overrides,
// and the tool must show them escaped, never send them to the terminal. And a write that fails
// half way (a full disk, a quota, a file-size limit) must leave the file as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = process.env.PARLEY_TOOL ? path.resolve(process.env.PARLEY_TOOL) : path.join(root, 'build/native/parley');
const example = path.join(root, 'assets/examples/jtai-joint-response.parley.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-hostile-'));
const run = (...args) => spawnSync(tool, args);   // output as bytes
const sh = (script) => spawnSync('sh', ['-c', script], { env: { ...process.env, PARLEY: tool } });

// Byte sequences a terminal acts on: ESC, BEL, a raw 0x9B CSI, and in UTF-8 the C1 CSI U+009B,
// RIGHT-TO-LEFT OVERRIDE U+202E and FIRST STRONG ISOLATE U+2068.
const ACTIVE = [Buffer.from([0x1b]), Buffer.from([0x07]), Buffer.from([0xc2, 0x9b]), Buffer.from([0xe2, 0x80, 0xae]), Buffer.from([0xe2, 0x81, 0xa8])];
function assertInert(out, what) {
  for (const seq of ACTIVE) assert.equal(out.indexOf(seq), -1, `${what} holds the bytes ${seq.toString('hex')}`);
  for (let i = 0; i < out.length; i++) {   // and no lone 0x9B byte outside a UTF-8 sequence
    if (out[i] === 0x9b) assert.ok(i > 0 && out[i - 1] >= 0xc0, `${what} holds a raw 0x9b byte at ${i}`);
  }
}

const EVIL_TITLE = '\u001b]0;owned\u0007\u001b[2J\u009b31mTitle \u202eexe.txt\u2068';
function hostileDraft() {
  const d = JSON.parse(fs.readFileSync(example, 'utf8'));
  d.title = EVIL_TITLE;
  d.consultation.title = 'Consultation \u001b[31mred';
  d.organisations[0].short_name = 'ADCS\u001b[8m';
  d.answers[0].reasoning = d.answers[0].reasoning + ' \u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007';
  d.revisions.push({ id: 'rev-evil', parent: '', organisation: 'LGA\u001b[5m', author: 'A\u009b2J', time: '2026-11-23T10:00:00Z', note: '' });
  return d;
}

test('info, diff and diff --json show escape sequences, C1 controls and bidi overrides escaped', () => {
  const older = path.join(tmp, 'older.parley.json');
  const evil = path.join(tmp, 'evil.parley.json');
  fs.copyFileSync(example, older);
  fs.writeFileSync(evil, JSON.stringify(hostileDraft(), null, 2));

  let r = run('info', evil);
  assert.equal(r.status, 0, r.stderr.toString());
  assertInert(r.stdout, 'info');
  assert.match(r.stdout.toString(), /title: +\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b31mTitle \\u202eexe\.txt\\u2068\n/);
  assert.match(r.stdout.toString(), /ADCS\\u001b\[8m/);

  r = run('diff', older, evil);
  assert.equal(r.status, 1, r.stderr.toString());
  assertInert(Buffer.concat([r.stdout, r.stderr]), 'diff');
  assert.match(r.stdout.toString(), /\\u001b\]0;owned/);

  r = run('diff', '--json', older, evil);
  assert.equal(r.status, 1, r.stderr.toString());
  assertInert(Buffer.concat([r.stdout, r.stderr]), 'diff --json');
  assert.equal(JSON.parse(r.stdout.toString()).second, EVIL_TITLE, 'the JSON still says exactly what the title is');
});

test('fmt prints the draft with C1 controls and bidi overrides as \\u escapes, in known and unknown members alike', () => {
  const evil = path.join(tmp, 'evil-fmt.parley.json');
  const d = hostileDraft();
  d.future = { note: 'x\u202ey\u009b2J' };   // kept as written, but printed inert too
  fs.writeFileSync(evil, JSON.stringify(d, null, 2));
  const r = run('fmt', evil);
  assert.equal(r.status, 0, r.stderr.toString());
  assertInert(r.stdout, 'fmt');
  const printed = JSON.parse(r.stdout.toString());
  assert.equal(printed.title, EVIL_TITLE, 'the JSON still says exactly what the title is');
  assert.equal(printed.future.note, 'x\u202ey\u009b2J');
});

test('validate: values and file names quoted in error messages are escaped', () => {
  const bad = path.join(tmp, 'bad\u001b[31m.parley.json');
  fs.writeFileSync(bad, '{"format":"parley","version":1,"id":"d","kind":"memo\\u001b]0;x\\u0007\\u009b","title":"\\u202e","status":"draft"}\n');
  const r = run('validate', bad);
  assert.equal(r.status, 1);
  assertInert(Buffer.concat([r.stdout, r.stderr]), 'validate');
  assert.match(r.stderr.toString(), /bad\\u001b\[31m\.parley\.json:1:\d+: \/kind: /);
});

test('merge: the parts it lists are escaped', () => {
  const ours = path.join(tmp, 'ours.parley.json');
  const theirs = path.join(tmp, 'theirs.parley.json');
  const mine = JSON.parse(fs.readFileSync(example, 'utf8'));
  const other = hostileDraft();
  mine.sections[0].heading = 'About \u001b[31mus';
  fs.writeFileSync(ours, JSON.stringify(mine, null, 2));
  fs.writeFileSync(theirs, JSON.stringify(other, null, 2));
  const r = run('merge', '--no-base', ours, theirs, '-o', path.join(tmp, 'merged.parley.json'));
  assert.ok(r.status === 0 || r.status === 1, r.stderr.toString());
  assert.ok(r.stderr.length > 0);
  assertInert(Buffer.concat([r.stdout, r.stderr]), 'merge');
});

// A draft larger than the limit, not in canonical form so fmt --write rewrites it.
function bigDraft(name) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(JSON.parse(fs.readFileSync(example, 'utf8'))));
  assert.ok(fs.statSync(file).size > 8192);
  return file;
}
const leftovers = (dir) => fs.readdirSync(dir).filter((n) => n.includes('.parley-'));

test('fmt --write past a file-size limit leaves the draft exactly as it was and says so', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'limit-'));
  const file = path.join(dir, 'big.parley.json');
  fs.copyFileSync(bigDraft('big-source.json'), file);
  fs.chmodSync(file, 0o640);
  const before = fs.readFileSync(file);
  const r = sh(`ulimit -f 4; exec "$PARLEY" fmt --write '${file}'`);
  assert.equal(r.signal, null, 'the tool was killed by the limit instead of reporting it');
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /big\.parley\.json: cannot write: File too large; the file is unchanged/);
  assert.ok(fs.readFileSync(file).equals(before), 'the draft was changed by a write that failed');
  assert.deepEqual(leftovers(dir), [], 'a temporary file was left behind');

  // Without the limit the same command rewrites it, keeping its permissions.
  const ok = run('fmt', '--write', file);
  assert.equal(ok.status, 0, ok.stderr.toString());
  assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(example, 'utf8'));
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(leftovers(dir), []);
});

test('merge -o and export -o past a file-size limit leave the old file as it was', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'limit-out-'));
  const big = bigDraft('big-merge.json');
  const out = path.join(dir, 'out.parley.json');
  fs.writeFileSync(out, 'the old contents\n');
  let r = sh(`ulimit -f 4; exec "$PARLEY" merge --no-base '${big}' '${big}' -o '${out}'`);
  assert.equal(r.signal, null);
  assert.equal(r.status, 2, r.stderr.toString());
  assert.match(r.stderr.toString(), /cannot write .*out\.parley\.json: File too large; the file is unchanged/);
  assert.equal(fs.readFileSync(out, 'utf8'), 'the old contents\n');

  const md = path.join(dir, 'out.md');
  fs.writeFileSync(md, 'the old export\n');
  r = sh(`ulimit -f 4; exec "$PARLEY" export --format markdown '${big}' -o '${md}'`);
  assert.equal(r.signal, null);
  assert.equal(r.status, 2, r.stderr.toString());
  assert.match(r.stderr.toString(), /cannot write .*out\.md: File too large; the file is unchanged/);
  assert.equal(fs.readFileSync(md, 'utf8'), 'the old export\n');
  assert.deepEqual(leftovers(dir), []);

  r = run('export', '--format', 'html', big, '-o', md);   // and without the limit it is written
  assert.equal(r.status, 0, r.stderr.toString());
  assert.match(fs.readFileSync(md, 'utf8'), /^<!DOCTYPE html>/);
  r = run('export', '--format', 'pdf', big);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /unknown format "pdf": use markdown, html or text/);
});
