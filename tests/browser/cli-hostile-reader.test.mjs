// The command-line tool on hostile files (issue 17): line numbers in files with CR-only line
// ends are the ones an editor shows, and numbers in members Parley does not know (1e-400, a
// 30-digit integer) come back exactly as written from `parley fmt --write`.
// PARLEY_CLI: the tool to run (default build/native/parley).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = process.env.PARLEY_CLI ? path.resolve(process.env.PARLEY_CLI) : path.join(root, 'build/native/parley');
const run = (...args) => spawnSync(tool, args, { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-hostile-'));

test('validate: errors in a file with CR-only line ends are reported on their own lines', () => {
  const file = path.join(tmp, 'classic-mac.parley.json');
  const lines = ['{', '"format": "parley",', '"version": 1,', '"id": "d",', '"kind": "memo",', '"title": 42,', '"status": "draft"', '}'];
  fs.writeFileSync(file, lines.join('\r'));
  const r = run('validate', file);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr + r.stdout, /classic-mac\.parley\.json:5:9: \/kind: /);
  assert.match(r.stderr + r.stdout, /classic-mac\.parley\.json:6:10: \/title: /);
});

test('fmt --write keeps numbers in unknown members exactly as written', () => {
  const file = path.join(tmp, 'numbers.parley.json');
  fs.writeFileSync(file, '{"format":"parley","version":1,"id":"d","kind":"response","title":"T","status":"draft",' +
    '"future":{"tiny":1e-400,"big":123456789012345678901234567890,"more":[1.50,-0.0,2E+3]}}');
  const r = run('fmt', '--write', file);
  assert.equal(r.status, 0, r.stderr);
  const out = fs.readFileSync(file, 'utf8');
  assert.match(out, /"tiny": 1e-400,/);
  assert.match(out, /"big": 123456789012345678901234567890,/);
  assert.match(out, /"more": \[\n {6}1\.50,\n {6}-0\.0,\n {6}2E\+3\n {4}\]/);
  assert.equal(run('fmt', '--check', file).status, 0, 'the written file is canonical');
});
