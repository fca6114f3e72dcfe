// `parley merge` as people and git run it, on real files in a temporary directory: two copies
// of one draft brought together, with the original they grew from rebuilt from the files'
// history or given with --base. Exit 0: merged cleanly; 1: merged, with the conflicts left open
// inside a valid Parley file (never text markers); 2: nothing merged and nothing written. Then
// real git, with `parley merge --base %O %A %B -o %A` as the merge driver of *.parley.json.
// No browser is involved; this file lives here with the other node tests (cli.test.mjs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tool = path.join(root, 'build/native/parley');
const example = path.join(root, 'assets/examples/jtai-joint-response.parley.json');
const run = (...args) => spawnSync(tool, args, { encoding: 'utf8' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-merge-'));
const file = (name) => path.join(tmp, name);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const write = (f, doc) => { fs.writeFileSync(f, JSON.stringify(doc, null, 2) + '\n'); return f; };

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schema = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, 'assets/schema/parley-v1.schema.json'), 'utf8')));

// A file Parley would open: `parley validate` (File > Open's checks) and the JSON Schema agree.
function assertValid(f) {
  const r = run('validate', f);
  assert.equal(r.status, 0, `parley validate ${f}:\n${r.stderr}`);
  assert.ok(schema(read(f)), `schema: ${JSON.stringify(schema.errors)}`);
}

const assertNoMarkers = (text) => {
  for (const marker of ['<<<<<<<', '>>>>>>>', '\n=======', '|||||||']) assert.ok(!text.includes(marker), `text conflict marker ${marker.trim()} in the file`);
};

// The member at a path of docs/format.md ("answers/ans-q1/reasoning"): [object, key].
function locate(doc, at) {
  const parts = at.split('/');
  let obj = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const v = obj[parts[i]];
    if (Array.isArray(v)) { const id = parts[++i]; obj = v.find((e) => e.id === id); } else obj = v;
    assert.ok(obj, `no ${at} in the draft`);
  }
  return [obj, parts.at(-1)];
}
const at = (doc, p) => { const [obj, key] = locate(doc, p); return obj[key]; };

// A save as Parley makes one (File > Save): the edits, and a revision that keeps the changes
// leading from the new content back to its parent's (docs/format.md, `revisions[]`). No command
// records a revision, so the test writes it as the format describes, one `was` per member.
function save(doc, organisation, id, edits) {
  const d = structuredClone(doc);
  const changes = [];
  for (const [p, value] of Object.entries(edits)) {
    const [obj, key] = locate(d, p);
    changes.push({ at: p, was: obj[key] });
    obj[key] = value;
  }
  d.revisions.push({ id, parent: d.revisions.at(-1).id, time: '2026-12-01T10:00:00Z', organisation, changes, kept: true });
  return d;
}

// The same edits made outside Parley (a text editor, a script): no revision records them.
function handEdit(doc, edits) {
  const d = structuredClone(doc);
  for (const [p, value] of Object.entries(edits)) { const [obj, key] = locate(d, p); obj[key] = value; }
  return d;
}

const original = read(example);   // its last revision, rev-2, did not keep its changes (an older file)
const q1 = at(original, 'answers/ans-q1/reasoning');
const lgaStart = q1.replace(/^We support the principle/, 'We strongly support the principle');
const solaceEnd = q1 + '\n\nSolace adds: councils need a year’s notice of the programme.';
assert.notEqual(lgaStart, q1, 'the example still starts answer 1 with "We support the principle"');

// LGA and Solace each saved their copy of the circulated draft.
const lga = save(original, 'LGA', 'rev-lga-1', {
  'answers/ans-q1/reasoning': lgaStart,
  'answers/ans-q4/recommendations': 'LGA: publish the evaluation of the first year.',
});
const solace = save(original, 'Solace', 'rev-solace-1', {
  'answers/ans-q1/reasoning': solaceEnd,
  'answers/ans-q2/position': 'agree',
});
const both = lgaStart + '\n\nSolace adds: councils need a year’s notice of the programme.';

test('two copies saved from one draft merge with no third file: exit 0, both sides in, what came in on stderr', () => {
  const a = write(file('clean-lga.parley.json'), lga);
  const b = write(file('clean-solace.parley.json'), solace);
  assertValid(a);
  assertValid(b);
  const out = file('clean-merged.parley.json');
  const r = run('merge', a, b, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '', 'with -o nothing goes to standard output');
  assert.match(r.stderr, /^parley merge: 2 changes? came in .*Solace.*, merged from revision rev-2$/m);
  assert.match(r.stderr, /^ {2}changed +Question 1 › Reasoning$/m);
  assert.match(r.stderr, /^ {2}changed +Question 2 › Position$/m);
  assert.doesNotMatch(r.stderr, /conflict/);

  assertValid(out);
  const m = read(out);
  assert.equal(at(m, 'answers/ans-q1/reasoning'), both, 'the same answer edited in two places merges word by word');
  assert.equal(at(m, 'answers/ans-q2/position'), 'agree');
  assert.equal(at(m, 'answers/ans-q4/recommendations'), 'LGA: publish the evaluation of the first year.');
  assert.equal(m.merge, undefined, 'a clean merge leaves no `merge` member');
  const rev = m.revisions.at(-1);
  assert.deepEqual([rev.parent, rev.merged, rev.organisation, rev.kept], ['rev-lga-1', 'rev-solace-1', 'LGA', true]);
  assert.deepEqual(m.revisions.map((x) => x.id).slice(0, -1), ['rev-1', 'rev-2', 'rev-lga-1', 'rev-solace-1'], 'both copies\' history, then the merge');
  assert.ok(rev.changes.some((c) => c.at === 'answers/ans-q2/position' && c.was === 'partly_agree'), 'the merge keeps its changes back to our copy');

  // The other way round gives the same content; without -o the draft goes to standard output.
  const r2 = run('merge', '--organisation', 'Solace (chief executive)', b, a);
  assert.equal(r2.status, 0, r2.stderr);
  const swapped = write(file('clean-swapped.parley.json'), JSON.parse(r2.stdout));
  assert.equal(run('diff', out, swapped).status, 0, run('diff', out, swapped).stdout);
  assert.equal(read(swapped).revisions.at(-1).organisation, 'Solace (chief executive)');
  assert.match(r2.stderr, /^ {2}changed +Question 4 › Recommendations$/m);
});

test('a later copy is merged against the original rebuilt through an earlier merge revision', () => {
  // LGA merged Solace's copy (above) and went on drafting; BASW answered from the first draft.
  const merged = file('round2-merged.parley.json');
  assert.equal(run('merge', write(file('round2-lga.parley.json'), lga), write(file('round2-solace.parley.json'), solace), '-o', merged).status, 0);
  const ours = write(file('round2-ours.parley.json'), save(read(merged), 'LGA', 'rev-lga-2', { 'answers/ans-q5/reasoning': 'LGA, second round.' }));
  const basw = write(file('round2-basw.parley.json'), save(original, 'BASW', 'rev-basw-1', {
    'answers/ans-q2/position': 'disagree',                     // Solace (merged in by LGA) said agree
    'answers/ans-q6/recommendations': 'BASW: involve social workers in the case sample.',
  }));
  const out = file('round2-out.parley.json');
  const r = run('merge', ours, basw, '-o', out);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /merged from revision rev-2\b/, 'the newest revision both have is the circulated draft');
  assert.match(r.stderr, /^ {2}changed +Question 6 › Recommendations$/m);
  assertValid(out);
  const m = read(out);
  // Only a correctly rebuilt original (partly agree, from before Solace's change) makes this a conflict.
  assert.deepEqual(m.merge.conflicts, [{ at: 'answers/ans-q2/position', base: 'partly_agree', ours: 'agree', theirs: 'disagree' }]);
  assert.equal(at(m, 'answers/ans-q1/reasoning'), both, 'what LGA and Solace merged stays');
  assert.equal(at(m, 'answers/ans-q5/reasoning'), 'LGA, second round.');
  assert.equal(at(m, 'answers/ans-q6/recommendations'), 'BASW: involve social workers in the case sample.');
});

test('a copy that is already merged in changes nothing: exit 0, the draft as it was', () => {
  const a = write(file('again-lga.parley.json'), lga);
  const b = write(file('again-solace.parley.json'), solace);
  const merged = file('again-merged.parley.json');
  assert.equal(run('merge', a, b, '-o', merged).status, 0);
  const out = file('again-out.parley.json');
  const r = run('merge', merged, b, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /everything in that copy is in this draft already/);
  assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(merged, 'utf8'));
});

test('a conflict: exit 1, a valid Parley file holding our side and the open conflicts, no text markers', () => {
  const q3 = at(original, 'answers/ans-q3/reasoning');
  const ours = write(file('conflict-solace.parley.json'), save(original, 'Solace', 'rev-solace-1', {
    'answers/ans-q3/position': 'agree',
    'answers/ans-q3/reasoning': q3.replace(/^Tracking individual children/, 'Following each child'),
  }));
  const theirs = write(file('conflict-lga.parley.json'), save(original, 'LGA', 'rev-lga-1', {
    'answers/ans-q3/position': 'disagree',
    'answers/ans-q3/reasoning': q3.replace(/^Tracking individual children/, 'Tracing every child'),
    'answers/ans-q1/reasoning': lgaStart,
  }));
  const out = file('conflict-out.parley.json');
  const r = run('merge', ours, theirs, '-o', out);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^parley merge: 1 changes? came in from LGA, merged from revision rev-2$/m);
  assert.match(r.stderr, /^ {2}changed +Question 1 › Reasoning$/m);
  assert.match(r.stderr, /^parley merge: 2 conflicts left open/m);
  assert.match(r.stderr, /^ {2}conflict +Question 3 › Position +\(answers\/ans-q3\/position\)$/m);
  assert.match(r.stderr, /^ {2}conflict +Question 3 › Reasoning +\(answers\/ans-q3\/reasoning\)$/m);

  const text = fs.readFileSync(out, 'utf8');
  assertNoMarkers(text);
  assertValid(out);
  const m = JSON.parse(text);
  assert.deepEqual({ base: m.merge.base, theirs: m.merge.theirs, from: m.merge.from }, { base: 'rev-2', theirs: 'rev-lga-1', from: 'LGA' });
  const byPath = Object.fromEntries(m.merge.conflicts.map((c) => [c.at, c]));
  assert.deepEqual(Object.keys(byPath).sort(), ['answers/ans-q3/position', 'answers/ans-q3/reasoning']);
  assert.deepEqual(byPath['answers/ans-q3/position'], { at: 'answers/ans-q3/position', base: 'partly_agree', ours: 'agree', theirs: 'disagree' });
  const words = byPath['answers/ans-q3/reasoning'];
  assert.match(words.ours, /^Following each child/);
  assert.match(words.theirs, /^Tracing every child/);
  assert.equal(words.base, q3);
  // Until it is settled the draft holds our side; what did not collide came in.
  assert.equal(at(m, 'answers/ans-q3/position'), 'agree');
  assert.equal(at(m, 'answers/ans-q3/reasoning'), words.ours);
  assert.equal(at(m, 'answers/ans-q1/reasoning'), lgaStart);

  // A merge left open is not merged over, from either side.
  let again = run('merge', out, theirs, '-o', file('conflict-again.parley.json'));
  assert.equal(again.status, 2);
  assert.match(again.stderr, /still has 2 open conflicts .*settle them first/);
  again = run('merge', ours, out, '-o', file('conflict-again.parley.json'));
  assert.equal(again.status, 2);
  assert.match(again.stderr, /has a merge of its own still open/);
  assert.ok(!fs.existsSync(file('conflict-again.parley.json')));
});

test('copies whose history kept no changes: exit 2 asking for --base; --base merges; --no-base makes every difference a conflict', () => {
  // Revisions as files written before Parley kept changes have them: no `changes`, no `kept`.
  const old = (doc, id, organisation) => { const d = structuredClone(doc); d.revisions.push({ id, parent: 'rev-2', time: '2026-12-01T10:00:00Z', organisation }); return d; };
  const a = write(file('old-lga.parley.json'), old(handEdit(original, { 'answers/ans-q1/reasoning': lgaStart }), 'rev-lga-old', 'LGA'));
  const b = write(file('old-solace.parley.json'), old(handEdit(original, { 'answers/ans-q2/position': 'agree' }), 'rev-solace-old', 'Solace'));
  const base = write(file('old-original.parley.json'), original);
  const out = file('old-out.parley.json');

  let r = run('merge', a, b, '-o', out);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /nothing was merged: the two copies share no saved revision Parley can rebuild/);
  assert.match(r.stderr, /--base BASE/);
  assert.match(r.stderr, /--no-base/);
  assert.ok(!fs.existsSync(out), 'nothing written');

  r = run('merge', '--base', base, a, b, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assertValid(out);
  assert.equal(at(read(out), 'answers/ans-q1/reasoning'), lgaStart);
  assert.equal(at(read(out), 'answers/ans-q2/position'), 'agree');

  r = run('merge', '--no-base', a, b, '-o', out);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /no original: every difference is a conflict/);
  assertValid(out);
  const m = read(out);
  assert.deepEqual(m.merge.conflicts.map((c) => c.at), ['answers/ans-q1/reasoning', 'answers/ans-q2/position']);
  assert.ok(m.merge.conflicts.every((c) => c.base === undefined || c.base === null), 'no original, no base value');
  assert.equal(at(m, 'answers/ans-q2/position'), 'partly_agree', 'our side until settled');

  r = run('merge', '--base', base, '--no-base', a, b);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--base and --no-base do not go together/);
  r = run('merge', a);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /give two files, ours then theirs/);
});

test('--base: edits made outside Parley (no revision records them) still merge', () => {
  // A file edited by hand keeps its last revision's id, so the copies' histories say nothing
  // about these edits; with the original given as a file, the merge must still take them in.
  const base = write(file('hand-original.parley.json'), original);
  const saved = write(file('hand-lga.parley.json'), lga);   // saved in Parley: rev-lga-1
  const byHand = write(file('hand-solace.parley.json'), handEdit(original, { 'answers/ans-q7/position': 'agree' }));   // still rev-2

  const out = file('hand-out.parley.json');
  let r = run('merge', '--base', base, byHand, saved, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(at(read(out), 'answers/ans-q7/position'), 'agree', 'our hand edit stays');
  assert.equal(at(read(out), 'answers/ans-q1/reasoning'), lgaStart, 'their saved edit came in');

  r = run('merge', '--base', base, saved, byHand, '-o', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(at(read(out), 'answers/ans-q1/reasoning'), lgaStart, 'our saved edit stays');
  assert.equal(at(read(out), 'answers/ans-q7/position'), 'agree',
    `their hand edit must come in; parley said: ${r.stderr.trim()}`);
});

test('bad input is refused before anything is written: exit 2, with the located messages of parley validate', () => {
  const good = write(file('bad-good.parley.json'), lga);
  const other = write(file('bad-solace.parley.json'), solace);
  const notJson = file('bad-not-json.parley.json');
  fs.writeFileSync(notJson, '{"format": "parley", "version": 1,\n  "id": "doc-jtai-joint-response"\n');   // cut short
  const notParley = file('bad-package.json');
  fs.writeFileSync(notParley, JSON.stringify({ name: 'not-a-draft', version: '1.0.0' }, null, 2));
  const dangling = structuredClone(lga);
  dangling.answers[1].question = 'q-removed';
  const damaged = write(file('bad-dangling.parley.json'), dangling);

  const existing = file('bad-existing-out.parley.json');
  const fresh = file('bad-fresh-out.parley.json');
  fs.writeFileSync(existing, 'keep me\n');
  for (const bad of [notJson, notParley, damaged]) {
    const validate = run('validate', bad);
    assert.equal(validate.status, 1);
    const located = validate.stderr.trim().split('\n');
    for (const line of located) assert.match(line, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `), 'file:line:col: message');
    for (const args of [[bad, other], [good, bad], ['--base', bad, good, other]]) {
      for (const out of [existing, fresh]) {
        const r = run('merge', ...args, '-o', out);
        assert.equal(r.status, 2, `merge ${args.join(' ')}: ${r.stderr}`);
        const lines = r.stderr.trim().split('\n');
        assert.deepEqual(lines.slice(0, -1), located, 'the same messages as parley validate');
        assert.equal(lines.at(-1), `parley merge: nothing was merged: ${bad} cannot be read as a Parley draft (above)`);
        assert.equal(r.stdout, '');
      }
    }
  }
  // Three kinds of problem, each where validate puts it.
  assert.match(run('validate', notJson).stderr, /bad-not-json\.parley\.json:\d+:\d+: the file is not valid JSON/);
  assert.match(run('validate', notParley).stderr, /bad-package\.json:1:1: \/format: this is not a Parley document/);
  assert.match(run('validate', damaged).stderr, /bad-dangling\.parley\.json:\d+:\d+: \/answers\/1\/question: there is no question with the id "q-removed"/);

  // A draft of another document is no copy of this one.
  const elsewhere = structuredClone(solace);
  elsewhere.id = 'doc-another-response';
  elsewhere.title = 'Another response';
  const another = write(file('bad-another.parley.json'), elsewhere);
  for (const out of [existing, fresh]) {
    const r = run('merge', good, another, '-o', out);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^parley merge: nothing was merged: this file is not a copy of this draft: it is "Another response" \(id doc-another-response\)/);
  }
  assert.equal(run('merge', good, another).stdout, '', 'nothing on standard output either');

  assert.equal(fs.readFileSync(existing, 'utf8'), 'keep me\n', 'an existing output file is left as it was');
  assert.ok(!fs.existsSync(fresh), 'no output file is created');
});

// ---- git, with parley as the merge driver of *.parley.json -------------------------------------

// A repository of its own, with no global or system git configuration and none of the GIT_*
// variables of whatever runs the tests (a hook would point git at this repository).
function gitRepo(name) {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  Object.assign(env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' });
  const git = (...args) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  const ok = (...args) => { const r = git(...args); assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`); return r; };
  ok('init', '-q', '-b', 'main');
  ok('config', 'user.name', 'Parley Test');
  ok('config', 'user.email', 'parley-test@example.org');
  // The two lines docs/merging.md gives, with the tool's absolute path (and the optional name).
  fs.writeFileSync(path.join(dir, '.gitattributes'), '*.parley.json merge=parley\n');
  ok('config', 'merge.parley.name', 'Parley draft merge');
  ok('config', 'merge.parley.driver', `'${tool}' merge --base %O %A %B -o %A`);
  const draft = path.join(dir, 'response.parley.json');
  fs.copyFileSync(example, draft);
  ok('add', '.');
  ok('commit', '-q', '-m', 'Circulated draft');
  // A branch off main with one commit of the draft as `change` makes it.
  const branch = (b, change) => {
    ok('checkout', '-q', 'main');
    ok('checkout', '-q', '-b', b);
    write(draft, change(read(draft)));
    ok('commit', '-q', '-a', '-m', `${b}'s edits`);
  };
  return { dir, git, ok, draft, branch };
}

const hasGit = spawnSync('git', ['--version']).status === 0;
const gitNote = hasGit ? false : 'git is not installed (tools/install-deps.sh test installs it)';

test('git: branches editing different answers merge through parley: git merge succeeds with both', { skip: gitNote }, () => {
  const g = gitRepo('git-clean');
  g.branch('lga', (d) => save(d, 'LGA', 'rev-lga-1', { 'answers/ans-q1/reasoning': lgaStart }));
  g.branch('solace', (d) => save(d, 'Solace', 'rev-solace-1', { 'answers/ans-q2/position': 'agree' }));
  const r = g.git('merge', '--no-edit', 'lga');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /parley merge: 1 changes? came in/, 'parley reports on git merge\'s standard error');
  assert.equal(g.git('status', '--porcelain').stdout, '', 'merged and committed');
  assert.equal(g.git('log', '-1', '--format=%P').stdout.trim().split(' ').length, 2, 'a merge commit');
  const text = fs.readFileSync(g.draft, 'utf8');
  assertNoMarkers(text);
  assertValid(g.draft);
  const m = JSON.parse(text);
  assert.equal(at(m, 'answers/ans-q1/reasoning'), lgaStart);
  assert.equal(at(m, 'answers/ans-q2/position'), 'agree');
  assert.deepEqual([m.revisions.at(-1).parent, m.revisions.at(-1).merged], ['rev-solace-1', 'rev-lga-1']);
});

test('git: branches setting one answer two ways: git merge stops, the work tree holds a valid draft with the conflict open', { skip: gitNote }, () => {
  const g = gitRepo('git-conflict');
  g.branch('lga', (d) => save(d, 'LGA', 'rev-lga-1', { 'answers/ans-q3/position': 'disagree', 'answers/ans-q1/reasoning': lgaStart }));
  g.branch('solace', (d) => save(d, 'Solace', 'rev-solace-1', { 'answers/ans-q3/position': 'agree' }));
  const r = g.git('merge', '--no-edit', 'lga');
  assert.notEqual(r.status, 0, 'git merge reports the conflict');
  assert.match(r.stdout + r.stderr, /CONFLICT \(content\): Merge conflict in response\.parley\.json/);
  assert.match(r.stderr, /conflict +Question 3 › Position/);
  assert.equal(g.git('status', '--porcelain').stdout, 'UU response.parley.json\n', 'unmerged, for git add once settled');
  const text = fs.readFileSync(g.draft, 'utf8');
  assertNoMarkers(text);
  assertValid(g.draft);
  const m = JSON.parse(text);
  assert.deepEqual(m.merge.conflicts, [{ at: 'answers/ans-q3/position', base: 'partly_agree', ours: 'agree', theirs: 'disagree' }]);
  assert.equal(m.merge.from, 'LGA');
  assert.equal(at(m, 'answers/ans-q1/reasoning'), lgaStart, 'what did not collide came in');
  assert.equal(at(m, 'answers/ans-q3/position'), 'agree', 'our side until settled');
});

test('git: an edit made outside Parley on the branch merged in is not lost', { skip: gitNote }, () => {
  const g = gitRepo('git-hand');
  g.branch('solace', (d) => handEdit(d, { 'answers/ans-q2/position': 'agree' }));   // in a text editor: no revision
  g.branch('lga', (d) => save(d, 'LGA', 'rev-lga-1', { 'answers/ans-q1/reasoning': lgaStart }));
  const r = g.git('merge', '--no-edit', 'solace');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const m = read(g.draft);
  assert.equal(at(m, 'answers/ans-q1/reasoning'), lgaStart);
  assert.equal(at(m, 'answers/ans-q2/position'), 'agree', `Solace's edit must be in the merge; git merge said: ${r.stderr.trim()}`);
});
