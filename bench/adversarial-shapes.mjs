// The adversarial shapes: small hostile Parley files whose cost grows with one thing repeated
// (issue 17, "Near-linear everywhere, measured"). Shared by the benchmark
// (bench/adversarial-bench.mjs) and the fuzzer's large mode (tools/run-fuzz.sh large), which
// seeds libFuzzer with the same shapes at a smaller scale.
//   node bench/adversarial-shapes.mjs OUT_DIR [N]     writes OUT_DIR/<shape>.parley.json
// N is how many times each shape repeats its unit (default 100,000: files of 1 to 6 MB).
// Every file is generated, never committed, and the same N gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The members every document needs, then `rest` (already JSON text, starting with a comma).
const doc = (rest, kind = 'proposal') =>
  `{"format":"parley","version":1,"id":"doc-adv","kind":"${kind}","title":"Adversarial shape","status":"draft"${rest}}\n`;

const joinN = (n, f) => {
  n = Math.max(1, Math.floor(n));
  const parts = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = f(i);
  return parts.join(',');
};

// A list of the user's own with n options, and one regime whose single dimension holds `value`.
const bigList = (n) => `"lists":[{"key":"big","label":"A very long list","options":[${joinN(n, (i) => `{"key":"o${i}","label":"Option ${i}"}`)}]}]`;
const regimeWith = (value, extra = '') =>
  `"regimes":[{"id":"reg-1","name":"Regime","role":"proposed","dimensions":[{"id":"dim-1","key":"own_list","label":"Own list","value":${value}${extra}}]}]`;

// name -> (n) => file text. `what` says in words what repeats, for the table.
export const shapes = {
  'many-keys': {
    what: 'one object with n distinct keys (an unknown member)',
    make: (n) => doc(`,"x_many":{${joinN(n, (i) => `"k${i}":0`)}}`),
  },
  'long-option-list': {
    what: 'a list of n options, and 1,000 choices from its end',
    make: (n) => doc(`,${bigList(n)},"regimes":[{"id":"reg-1","name":"Regime","role":"proposed","dimensions":[${joinN(1000, (i) =>
      `{"id":"dim-${i}","key":"own_${i}","label":"Own ${i}","value":{"type":"choice","list":"big","option":"o${n - 1 - i % n}"}}`)}]}]`),
  },
  'long-set': {
    what: 'a set of n items drawn from a list of n options',
    make: (n) => doc(`,${bigList(n)},${regimeWith(`{"type":"set","list":"big","items":[${joinN(n, (i) => `"o${i}"`)}]}`)}`),
  },
  'many-bad-items': {
    what: 'a set of n items none of which is in its list of n options',
    make: (n) => doc(`,${bigList(n)},${regimeWith(`{"type":"set","list":"big","items":[${joinN(n, (i) => `"bad${i}"`)}]}`)}`),
  },
  'long-id-arrays': {
    what: 'n sources, all cited by one dimension and the workshop lists n regimes',
    make: (n) => doc(`,"regimes":[${joinN(Math.max(1, n / 10), (i) => `{"id":"reg-${i}","name":"R","role":"proposed"}`)}],` +
      `"workshop":{"regimes":[${joinN(Math.max(1, n / 10), (i) => `"reg-${i}"`)}]},` +
      `"sources":[${joinN(n, (i) => `{"id":"src-${i}","title":"S"}`)}],` +
      `"questions":[{"id":"q-1","text":"Q"}],"answers":[{"id":"ans-1","question":"q-1","sources":[${joinN(n, (i) => `"src-${i}"`)}]}]`, 'response'),
  },
  'wide-objects': {
    what: 'n/20 dimensions, each with 20 members Parley does not know',
    make: (n) => doc(`,"regimes":[{"id":"reg-1","name":"R","role":"proposed","dimensions":[${joinN(Math.max(1, n / 20), (i) =>
      `{"id":"dim-${i}","key":"own_${i}","label":"Own","value":{"type":"yes_no","value":true},${joinN(20, (k) => `"x_${k}":${k}`)}}`)}]}]`),
  },
  'deep-nesting': {
    what: 'n/20 arrays nested to the depth limit (64), in an unknown member',
    // Depth counts the document object (1) and the x_deep list (2): 62 more levels reach 64.
    make: (n) => doc(`,"x_deep":[${joinN(Math.max(1, Math.floor(n / 20)), () => '['.repeat(62) + ']'.repeat(62))}]`),
  },
  'reference-chains': {
    what: 'n/2 comments each replying to the one before, n/10 regimes each based on the one before, n/10 revisions each the parent of the next',
    make: (n) => {
      const c = Math.max(1, n / 2), g = Math.max(1, n / 10);
      return doc(`,"regimes":[${joinN(g, (i) => `{"id":"reg-${i}","name":"R${i}","role":"alternative"${i ? `,"based_on":"reg-${i - 1}"` : ''}}`)}],` +
        `"comments":[${joinN(c, (i) => `{"id":"com-${i}","target":"${i ? `com-${i - 1}` : 'doc-adv'}","text":"re"}`)}],` +
        `"revisions":[${joinN(g, (i) => `{"id":"rev-${i}"${i ? `,"parent":"rev-${i - 1}"` : ''},"time":"2026-11-04T09:00:00Z"}`)}]`);
    },
  },
  'duplicate-keys': {
    what: 'one object with the same key n times (an unknown member)',
    make: (n) => doc(`,"x_dup":{${joinN(n, () => '"a":0')}}`),
  },
};

export function writeShapes(dir, n) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const [name, shape] of Object.entries(shapes)) {
    files[name] = join(dir, `${name}.parley.json`);
    writeFileSync(files[name], shape.make(n));
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) { console.error('usage: node bench/adversarial-shapes.mjs OUT_DIR [N]'); process.exit(2); }
  const files = writeShapes(dir, Number(n || 100000));
  console.log(`adversarial shapes: ${Object.keys(files).length} files in ${dir}`);
}
