// The command-line tool as a user runs it: exit statuses, where messages go, and the
// file:line:col: pointer: message form that editors and CI logs understand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = path.join(root, 'build/native/parley');
const example = path.join(root, 'assets/examples/jtai-joint-response.parley.json');
const run = (...args) => spawnSync(tool, args, { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));

test('validate: a good file exits 0 and says so on stdout', () => {
  const r = run('validate', example);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /jtai-joint-response\.parley\.json: valid response, \d+ words/);
  assert.equal(r.stderr, '');
});

test('validate: every problem on stderr as file:line:col: pointer: message, exit 1', () => {
  const bad = path.join(tmp, 'bad.parley.json');
  fs.writeFileSync(bad, '{"format":"parley","version":1,"id":"d","kind":"memo",\n"title":42,"status":"draft"}\n');
  const r = run('validate', bad, example);
  assert.equal(r.status, 1);
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `${bad}:1:48: /kind: "memo" is not a kind Parley knows: expected proposal, response or workshop`,
    `${bad}:2:9: /title: expected text, got the number 42`,
  ]);
  assert.match(r.stdout, /jtai-joint-response\.parley\.json: valid/, 'the good file is still checked');
});

test('fmt: --check reports a non-canonical file, --write fixes it, and the result is stable', () => {
  const messy = path.join(tmp, 'messy.parley.json');
  fs.writeFileSync(messy, JSON.stringify(JSON.parse(fs.readFileSync(example, 'utf8'))));   // compact: valid, not canonical
  let r = run('fmt', '--check', messy);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /not in canonical form/);
  r = run('fmt', '--write', messy);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(fs.readFileSync(messy, 'utf8'), fs.readFileSync(example, 'utf8'));
  assert.equal(run('fmt', '--check', messy).status, 0);
  assert.equal(run('fmt', example).stdout, fs.readFileSync(example, 'utf8'));
});

test('info: a short summary of the draft', () => {
  const r = run('info', example);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /title: +Joint targeted area inspections/);
  assert.match(r.stdout, /organisations: +ADCS, LGA, Solace/);
  assert.match(r.stdout, /questions: +\d+, \d+ answered/);
});

test('usage mistakes and unreadable files exit 2 with a plain message, never a crash', () => {
  let r = run();
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: parley/);
  r = run('frobnicate', example);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
  r = run('validate', path.join(tmp, 'no-such-file.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no-such-file\.json: cannot read: No such file or directory/);
  r = run('validate', tmp);   // a directory
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read/);
});

test('diff: identical content exits 0, a changed draft exits 1 with each change, --json parses, bad files exit 2', () => {
  const older = JSON.parse(fs.readFileSync(example, 'utf8'));
  const newer = structuredClone(older);
  newer.answers[0].reasoning = newer.answers[0].reasoning.replace('We support', 'We strongly support');
  newer.revisions.push({ id: 'rev-later', parent: '', organisation: 'LGA', author: 'A. Officer', time: '2026-11-23T10:00:00Z', note: '' });
  const a = path.join(tmp, 'older.parley.json');
  const b = path.join(tmp, 'newer.parley.json');
  fs.writeFileSync(a, JSON.stringify(older, null, 2));
  fs.writeFileSync(b, JSON.stringify(newer, null, 2));

  let r = run('diff', a, a);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^No changes$/m);

  r = run('diff', a, b);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^1 change: 1 changed$/m);
  assert.match(r.stdout, /== Question 1\n  Reasoning \(changed\):\n    We \{\+strongly \+\}support/);
  assert.match(r.stdout, /History: 0 saved revision\(s\) only in the first, 1 only in the second/);

  r = run('diff', '--json', a, b);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.identical, false);
  assert.equal(out.changes.length, 1);
  assert.equal(out.changes[0].field, 'Reasoning');
  assert.deepEqual(out.changes[0].diff.filter((p) => p[0] !== '='), [['+', 'strongly ']]);

  r = run('diff', a);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /give exactly two files/);
  const bad = path.join(tmp, 'broken.parley.json');
  fs.writeFileSync(bad, '{"format":');
  r = run('diff', a, bad);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot compare/);
});
