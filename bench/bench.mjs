// make bench: one table comparing Parley's load and save with Node's own JSON on the same file,
// then undo on it, then merging two edited copies of it and of a joint response.
//   node --expose-gc bench/bench.mjs DRAFT WASM_MODULE NATIVE_BENCH [PARLEY_CLI]
// DRAFT is a canonical Parley file (bench/make-draft.mjs), WASM_MODULE the bench build of the
// core (build/wasm/bench/parley_bench.js, which runs under Node and in a page), NATIVE_BENCH the
// native program (parley_bench), PARLEY_CLI the command-line tool (build/native/parley), which
// the merge part needs (bench/merge-bench.mjs; without it that part is left out).
//
// What each column times (one warm-up, then the median of 5 runs, as parley_bench does):
//   Parley native   import_document / export_document in C++ (RelWithDebInfo, -O2).
//   Parley WASM     the same C++ built with Emscripten -O3, run by Node: load = copy the
//                   file's bytes into wasm memory + import_document; save = export_document +
//                   copy the bytes out (what a download needs).
//   Node JSON       JSON.parse of the file's text; JSON.stringify(value, null, 2). No checking
//                   of the format, no positions, no duplicate keys: the floor a parser in the
//                   browser could reach, so the ratio says what Parley's extra checks cost.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { mergeBench } from './merge-bench.mjs';

const [draft, wasmModule, nativeBench, cli] = process.argv.slice(2);
if (!draft || !wasmModule || !nativeBench) {
  console.error('usage: node --expose-gc bench/bench.mjs DRAFT WASM_MODULE NATIVE_BENCH [PARLEY_CLI]');
  process.exit(2);
}
const RUNS = 5;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// Collect garbage before each run when allowed, so one run's leftovers are not charged to
// the next; a collection caused by the run's own allocations still counts, as it would in use.
function timeRuns(work) {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    if (globalThis.gc) globalThis.gc();
    const start = performance.now();
    work();
    const ms = performance.now() - start;
    if (i > 0) times.push(ms);   // run 0 is the warm-up
  }
  return times;
}

const bytes = readFileSync(draft);
const text = bytes.toString('utf8');
const mb = bytes.length / 1e6;

// Native: its own process, so its memory and timings are untouched by Node's.
const native = JSON.parse(execFileSync(resolve(nativeBench), [draft, '--json'], { encoding: 'utf8' }));

// WASM under Node.
const createParleyBench = createRequire(import.meta.url)(resolve(wasmModule));
// Hand over the wasm bytes ourselves: Emscripten 3.1.6's loader sees Node 18+'s fetch and
// tries to fetch() a file path, which fails.
const m = await createParleyBench({ wasmBinary: readFileSync(resolve(wasmModule).replace(/\.js$/, '.wasm')) });
let wasmOut;
const wasmLoad = timeRuns(() => {
  const p = m._malloc(bytes.length);
  m.HEAPU8.set(bytes, p);
  const ok = m._bench_import(p, bytes.length);
  m._free(p);
  if (!ok) throw new Error(`WASM import refused ${draft}: ${m.UTF8ToString(m._bench_first_error())}`);
});
const wasmSave = timeRuns(() => {
  const n = m._bench_export();
  const p = m._bench_output();
  wasmOut = m.HEAPU8.slice(p, p + n);   // read HEAPU8 after the call: memory may have grown
});

// Node's own JSON on the same text.
let value, jsonOut;
const parse = timeRuns(() => { value = JSON.parse(text); });
const stringify = timeRuns(() => { jsonOut = JSON.stringify(value, null, 2); });

// ---------------------------------------------------------------------------------------
// Report

const peer = `Node ${process.version}`;
const fmt = (times) => {
  const ms = median(times);
  return `${ms.toFixed(1).padStart(6)} ms ${(mb / (ms / 1000)).toFixed(0).padStart(4)} MB/s`;
};
const ratio = (a, b) => `${(median(a) / median(b)).toFixed(2)}x`;
const yes = (b) => (b ? 'yes' : 'NO');

console.log(`Parley bench: ${draft}, ${mb.toFixed(2)} MB (${bytes.length} bytes, MB = 10^6 bytes)`);
console.log(`median of ${RUNS} runs after 1 warm-up; peer: ${peer} JSON.parse / JSON.stringify(v, null, 2)`);
// Other work on the machine slows each column by a different amount, so say how busy it was.
console.log(`machine: ${cpus().length} cores, ${cpus()[0].model.trim()}, load average ${loadavg()[0].toFixed(2)} over the last minute (figures from a busy machine are unreliable)`);
console.log('');
console.log(`                 ${'Parley native'.padEnd(22)}${'Parley WASM / Node'.padEnd(22)}${peer} JSON`);
console.log(`load+validate    ${fmt(native.load_ms).padEnd(22)}${fmt(wasmLoad).padEnd(22)}${fmt(parse)}  JSON.parse`);
console.log(`save             ${fmt(native.save_ms).padEnd(22)}${fmt(wasmSave).padEnd(22)}${fmt(stringify)}  JSON.stringify`);
console.log('');
console.log(`time ratio (below 1: Parley faster)          native   wasm`);
console.log(`load+validate / ${peer} JSON.parse      ${ratio(native.load_ms, parse).padEnd(9)}${ratio(wasmLoad, parse)}`);
console.log(`save / ${peer} JSON.stringify           ${ratio(native.save_ms, stringify).padEnd(9)}${ratio(wasmSave, stringify)}`);
console.log('');
const sameWasm = Buffer.compare(Buffer.from(wasmOut), bytes) === 0;
const sameJson = jsonOut + '\n' === text;
console.log(`saved bytes equal the file: native ${yes(native.same_bytes)}, wasm ${yes(sameWasm)}, JSON.stringify ${yes(sameJson)}`);
if (!native.same_bytes || !sameWasm) process.exitCode = 1;

// ---------------------------------------------------------------------------------------
// Undo: 1,000 edits of the draft through the edit session (bench/undo_workload.h says the
// mix), native and WASM, against the undo Parley had before (a whole copy per step).

const nativeUndo = JSON.parse(execFileSync(resolve(nativeBench), [draft, '--undo'], { encoding: 'utf8' }));
const undoLength = m._bench_undo(1000, 20);   // first: it replaces the output buffer
const wasmUndo = JSON.parse(m.UTF8ToString(m._bench_output(), undoLength));
const MiB = (b) => `${(b / 1048576).toFixed(1)} MB`;
const perEdit = (u, k) => `${u.kinds[k].mean_ms.toFixed(3)} ms (max ${u.kinds[k].max_ms.toFixed(1)})`;
console.log('');
console.log(`undo: ${nativeUndo.edits} edits of this draft, one per frame, each with its end-of-frame commit; MB = 2^20 bytes`);
console.log(`targets (issue 11): under 64 MB of undo memory, under 2 ms per edit in WASM`);
console.log(`                                 ${'Parley native'.padEnd(26)}Parley WASM / Node`);
console.log(`mean per edit, all kinds        ${(nativeUndo.mean_ms.toFixed(3) + ' ms').padEnd(26)}${wasmUndo.mean_ms.toFixed(3)} ms`);
for (const [k, name] of [['typing', 'typing (a key)'], ['value', 'a dimension value'], ['add_or_move', 'add or move a question'], ['remove', 'remove a question']])
  console.log(`  ${(name + ` x${nativeUndo.kinds[k].count}`).padEnd(29)}${perEdit(nativeUndo, k).padEnd(26)}${perEdit(wasmUndo, k)}`);
console.log(`undo log after all edits        ${(MiB(nativeUndo.log_bytes) + ` (${nativeUndo.steps} steps)`).padEnd(26)}${MiB(wasmUndo.log_bytes)} (${wasmUndo.steps} steps, ${wasmUndo.forgotten} forgotten; budget 32 MB)`);
console.log(`largest copy during one change  ${MiB(nativeUndo.max_pending_bytes).padEnd(26)}${MiB(wasmUndo.max_pending_bytes)} (what a change copies until its frame ends)`);
console.log(`undo memory at most             ${MiB(nativeUndo.max_log_bytes + nativeUndo.max_pending_bytes).padEnd(26)}${MiB(wasmUndo.max_log_bytes + wasmUndo.max_pending_bytes)} (log + copy)`);
console.log(`undo all / redo all             ${(`${nativeUndo.undo_all_ms.toFixed(1)} / ${nativeUndo.redo_all_ms.toFixed(1)} ms`).padEnd(26)}${wasmUndo.undo_all_ms.toFixed(1)} / ${wasmUndo.redo_all_ms.toFixed(1)} ms`);
console.log(`undo then redo gives back the same text: native ${yes(nativeUndo.round_trip)}, wasm ${yes(wasmUndo.round_trip)}`);
const peerAt200 = (u) => u.peer_bytes_per_step * 200;
console.log(`peer: the previous undo (a whole copy per step, 200 steps kept), same edits for its first ${wasmUndo.peer_steps} steps:`);
console.log(`  per step                       ${(`${nativeUndo.peer_ms_per_step.toFixed(1)} ms, ${MiB(nativeUndo.peer_bytes_per_step)}`).padEnd(26)}${wasmUndo.peer_ms_per_step.toFixed(1)} ms, ${MiB(wasmUndo.peer_bytes_per_step)}`);
console.log(`  at 200 steps                   ${MiB(peerAt200(nativeUndo)).padEnd(26)}${MiB(peerAt200(wasmUndo))}`);
console.log(`memory ratio (peer at 200 steps / Parley's undo memory at most): native ${(peerAt200(nativeUndo) / (nativeUndo.max_log_bytes + nativeUndo.max_pending_bytes)).toFixed(0)}x, wasm ${(peerAt200(wasmUndo) / (wasmUndo.max_log_bytes + wasmUndo.max_pending_bytes)).toFixed(0)}x`);
if (!nativeUndo.round_trip || !wasmUndo.round_trip) process.exitCode = 1;

// ---------------------------------------------------------------------------------------
// Merging: two edited copies of a joint response and of this draft, natively and in
// WebAssembly in Chromium, against git merge-file on the same files (bench/merge-bench.mjs).

if (cli) await mergeBench({ draft, wasmModule, nativeBench, cli });
else console.log('\nmerge: left out (give PARLEY_CLI, the parley tool, as the fourth argument)');
