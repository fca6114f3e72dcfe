// The file format's contract (docs/format.md) checked two ways that must agree:
//   - the JSON Schema in assets/schema/parley-v1.schema.json, run by Ajv (draft 2020-12), and
//   - Parley's own importer, through the native CLI: `build/native/parley validate FILE`, which
//     prints `file:line:col: pointer: message` lines on stderr and exits 1 on any error, 0 if valid.
// Every example must pass both. Every file in tests/corpus/invalid/ must fail both, and Parley's
// first error must sit at the JSON Pointer in its sibling .expect file. Files in
// tests/corpus/parley-only/ break rules JSON Schema cannot express (duplicate keys and ids,
// dangling references, min > max, bad UTF-8, depth): Parley must refuse them, and the schema must
// accept every one that is JSON at all, which proves the rule really is beyond the schema.
// No browser is involved; this file lives here because the npm tooling (ajv) does.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA = path.join(ROOT, 'assets/schema/parley-v1.schema.json');
const EXAMPLES = path.join(ROOT, 'assets/examples');
const CORPUS = path.join(ROOT, 'tests/corpus');
const CLI = 'build/native/parley';   // relative to the repository root, where it is run
const MIN_EXAMPLES = 5;

const listJson = (dir, suffix = '.json') =>
  (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((f) => f.endsWith(suffix)).sort();
const rel = (file) => path.relative(ROOT, file);

const examples = listJson(EXAMPLES, '.parley.json').map((f) => path.join(EXAMPLES, f));
const corpus = (dir) => listJson(path.join(CORPUS, dir)).map((f) => {
  const file = path.join(CORPUS, dir, f);
  // One line: the JSON Pointer of the first error ("" = the whole file; "*" = any error will do).
  const expect = fs.readFileSync(file.replace(/\.json$/, '.expect'), 'utf8').replace(/\r?\n$/, '');
  return { file, name: `${dir}/${f}`, expect };
});
const invalid = corpus('invalid');
const parleyOnly = corpus('parley-only');

// Compiled once, on first use, so that a broken schema fails tests instead of the whole file.
let compiled;
function validator() {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  }
  return compiled;
}

// The JSON Pointers an Ajv run complains about; a missing member is reported at its own place
// (/regimes/0/role), as Parley does, not at the object that lacks it.
const escapePointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
function schemaErrors(data) {
  const validate = validator();
  if (validate(data)) return [];
  return validate.errors.map((e) => ({
    pointer: e.keyword === 'required' ? `${e.instancePath}/${escapePointer(e.params.missingProperty)}` : e.instancePath,
    text: `${e.instancePath || '(top level)'} ${e.message} ${JSON.stringify(e.params)}`,
  }));
}

// Strict reading: JSON is UTF-8, so a file that is not valid UTF-8 is not JSON at all.
function parseStrict(file) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { ok: false, error: e.message };
  }
}

function runValidate(file) {
  assert.ok(fs.existsSync(path.join(ROOT, CLI)), `${CLI} is not built (make native)`);
  const r = spawnSync(CLI, ['validate', rel(file)], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, `could not run ${CLI}: ${r.error?.message}`);
  return r;
}

// "file:line:col: /pointer: message" (line:col left out when unknown, pointer left out when it
// is the whole file) -> the pointer. Lines that are notices (unknown members kept) are skipped.
function firstErrorPointer(stderr, file) {
  const prefix = `${rel(file)}:`;
  const lines = stderr.split('\n').filter((l) => l.startsWith(prefix))
    .filter((l) => !/(^|: )(notice|warning)\b|kept as is/i.test(l.slice(prefix.length)));
  if (lines.length === 0) return undefined;
  const rest = lines[0].slice(prefix.length).replace(/^\s*\d+:\d+:\s*/, '').replace(/^\s+/, '');
  if (!rest.startsWith('/')) return '';
  const end = rest.indexOf(': ');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the JSON Schema (assets/schema/parley-v1.schema.json)', () => {
  test('compiles with Ajv in strict mode as draft 2020-12, with ajv-formats', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.$id && schema.title && schema.description, 'the schema needs $id, title and description');
    assert.equal(typeof validator(), 'function');
  });

  test('accepts the smallest document and keeps unknown members legal at every level', () => {
    const minimal = { format: 'parley', version: 1, id: 'doc-1', kind: 'response', title: '', status: 'draft' };
    assert.deepEqual(schemaErrors(minimal), []);
    // A file from a newer Parley carries members this version does not know: never an error.
    const newer = {
      ...minimal, x_top: { any: ['thing'] },
      consultation: { title: 'C', x: 1 },
      organisations: [{ id: 'o1', name: 'O', x: 1 }],
      summary: { position: 'agree', x: 1 },
      regimes: [{ id: 'r1', name: 'R', role: 'current', x: 1, dimensions: [
        { id: 'd1', key: 'cycle', value: { type: 'number', value: 3, unit: 'years', x: 1 }, x: 1 },
      ] }],
      questions: [{ id: 'q1', text: 'Q?', x: 1 }],
      answers: [{ id: 'a1', question: 'q1', x: 1, signatories: [{ organisation: 'o1', position: 'agree', x: 1 }] }],
      workshop: { x: 1, criteria: [{ id: 'c1', label: 'C', weight: 0, x: 1 }], participants: [{ id: 'p1', name: 'P', x: 1 }],
        scores: [{ participant: 'p1', regime: 'r1', criterion: 'c1', score: 5, x: 1 }] },
      lists: [{ key: 'mine', label: 'Mine', options: [{ key: 'a', label: 'A', x: 1 }], x: 1 }],
      sources: [{ id: 's1', title: 'S', date: '2016-01-04', x: 1 }],
      comments: [{ id: 'k1', target: 'doc-1', text: 'K', time: '2016-01-04T10:00:00Z', x: 1 }],
      revisions: [{ id: 'v1', time: '2016-01-04T10:00:00Z', x: 1 }],
    };
    assert.deepEqual(schemaErrors(newer), []);
  });

  test(`tests/corpus/invalid/ has files to check`, () => {
    assert.ok(invalid.length >= 20, `only ${invalid.length} files in tests/corpus/invalid/`);
    assert.ok(parleyOnly.length >= 10, `only ${parleyOnly.length} files in tests/corpus/parley-only/`);
  });

  for (const { file, name, expect } of invalid) {
    test(`refuses ${name}, at ${expect || '(top level)'}`, () => {
      const parsed = parseStrict(file);
      assert.ok(parsed.ok, `${name} should be JSON (its one problem is elsewhere): ${parsed.error}`);
      const errors = schemaErrors(parsed.value);
      assert.ok(errors.length > 0, `the schema accepts ${name}`);
      // The schema must refuse it for the intended reason, not an incidental one.
      if (expect !== '*') {
        assert.ok(errors.some((e) => e.pointer === expect),
          `no schema error at ${expect || '(top level)'}; errors:\n${errors.map((e) => e.text).join('\n')}`);
      }
    });
  }

  for (const { file, name } of parleyOnly) {
    const parsed = parseStrict(file);
    if (!parsed.ok) continue;   // not JSON at all (bad UTF-8): nothing for a schema to see
    test(`accepts ${name}: the rule it breaks is beyond JSON Schema`, () => {
      assert.deepEqual(schemaErrors(parsed.value).map((e) => e.text), []);
    });
  }
});

describe('the examples (assets/examples/*.parley.json)', () => {
  test(`there are at least ${MIN_EXAMPLES} examples`, () => {
    assert.ok(examples.length >= MIN_EXAMPLES, `${examples.length} examples in assets/examples, expected at least ${MIN_EXAMPLES}`);
  });

  for (const file of examples) {
    const name = path.basename(file);
    test(`${name} is valid against the schema`, () => {
      const parsed = parseStrict(file);
      assert.ok(parsed.ok, `${name} is not JSON: ${parsed.error}`);
      assert.deepEqual(schemaErrors(parsed.value).map((e) => e.text), []);
    });

    test(`${name} passes parley validate`, () => {
      const r = runValidate(file);
      assert.equal(r.status, 0, `parley validate ${name} exited ${r.status}:\n${r.stderr}`);
    });
  }
});

describe('parley validate (native CLI) refuses the invalid corpus', () => {
  for (const { file, name, expect } of [...invalid, ...parleyOnly]) {
    const where = expect === '*' ? 'with some error' : `with its first error at ${expect || '(top level)'}`;
    test(`refuses ${name} ${where}`, () => {
      const r = runValidate(file);
      assert.equal(r.status, 1, `parley validate ${name} exited ${r.status}, expected 1; stderr:\n${r.stderr}`);
      const pointer = firstErrorPointer(r.stderr, file);
      assert.notEqual(pointer, undefined, `no "${rel(file)}:line:col: pointer: message" line on stderr:\n${r.stderr}`);
      if (expect !== '*') assert.equal(pointer, expect, `first error is not at ${expect || '(top level)'}; stderr:\n${r.stderr}`);
    });
  }
});
