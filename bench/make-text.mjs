// Writes the texts of the diff benchmark (make bench, bench/diff-bench.mjs):
//   node bench/make-text.mjs [OUTDIR] [WORDS]     (defaults: build/bench/diff, 100000)
//
//   a.txt            about WORDS words of English-like prose in paragraphs and sentences
//   b-scattered.txt  a with about 5 % of its words changed in scattered edits: words and short
//                    phrases substituted, deleted and inserted all through the text, plus two
//                    paragraphs moved (one from the first tenth to near the end, one from the
//                    last tenth to a third of the way in)
//   b-rewritten.txt  a with its second half rewritten: same first half, then new sentences
//                    from the same vocabulary
//   a.parley.json, b-scattered.parley.json, b-rewritten.parley.json: each text as the one
//                    prose field (a section's body) of a minimal valid Parley response, for
//                    timing the CLI's `parley diff` on documents
//   texts.json       what was made: word counts and how many words each kind of edit touched
//
// The words come from a vocabulary of a few thousand: English function words, the language of
// children's services inspection, and made-up words for the long tail, drawn with a Zipf-like
// law (the r-th most common word about 1/r as often as the most common), so a diff meets what
// real prose gives it: "the" and "of" everywhere, most content words rare. A fixed seed makes
// every run write the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng.mjs';

const outDir = process.argv[2] || 'build/bench/diff';
const targetWords = Number(process.argv[3] || 100000);

let random = prng(0x5eed0d1f);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

// ---------------------------------------------------------------------------------------
// Vocabulary, most common first

const functionWords = `the of and to in a that is for be on with as are by this it not or
  have from at which will should their they we an has been its would more these can all was
  there but our other how also were who must where when may than any each such those them
  what into about only could both most some does through between whether before after while
  within across under without over very so because if no many well much same own then`.split(/\s+/);

const inspectionWords = `children child young people families family local authority
  authorities inspection inspectors inspector services service social care workers worker
  practice partners partnership agencies agency safeguarding protection help support needs plan
  plans assessment assessments review reviews report reports evidence leaders leadership
  managers management council health police schools education outcomes quality risk risks
  harm early decisions decision cases case records record judgement judgements framework
  arrangements multi-agency front-line frontline thresholds referrals referral strategy
  meetings meeting visits visit placement placements carers foster residential homes home
  adoption leaving leavers permanence court proceedings legal plans planning needs progress
  improvement improvements performance data information sharing consultation proposals
  proposal response responses area areas joint targeted themes theme deep dive dives focus
  focused sample samples audit audits feedback findings finding letter letters notice days
  weeks months year years time timescales capacity workload workloads caseloads staff
  staffing recruitment retention training supervision oversight governance accountability
  scrutiny elected members director directors lead lead-member designated nurse doctor
  paediatrician probation youth justice offending exploitation missing neglect abuse domestic
  violence parental substance misuse mental wellbeing disabilities disabled special
  educational send virtual school headteacher head teachers pupils attendance exclusion
  exclusions early-years settings nursery health-visitors midwives hospital emergency
  department gp gps general practitioners commissioners commissioning budget budgets funding
  resources pressures demand rising increase increases reduction reduced consistent
  consistently effective effectively timely timeliness robust clear clearly appropriate
  appropriately strong strengths weaknesses areas-for-improvement good outstanding inadequate
  requires improvement-to-be-good independent reviewing officers chairs conference
  conferences core groups child-in-need child-protection looked-after care-experienced
  corporate parenting pathway personal advisers accommodation housing homelessness
  unaccompanied asylum-seeking contextual peer-on-peer online county lines gangs trafficking
  modern slavery radicalisation prevent channel private fostering kinship connected persons
  special guardianship orders section 17 47 20 31 s47 enquiries lado allegations
  professionals voice views wishes feelings lived experience direct work relationships trust
  continuity stability changes change social-worker turnover agency-staff locum vacancies
  manager managers senior practitioners advanced team teams hub mash front-door contacts
  triage screening step-up step-down early-help family-support intervention interventions
  outcomes-framework performance-indicators benchmarking statistical neighbours national
  average regional comparators trend trends analysis analyse understand understanding know
  knows knew learn learning learned lessons practice-reviews serious incident notifications
  rapid reviews safeguarding-practice panel ofsted cqc hmicfrs hmi estyn care-inspectorate
  wales england department education dfe government ministers secretary state statutory
  guidance working together regulations duty duties responsibility responsibilities
  inspect inspected inspecting judge judged judging grade graded grading narrative evaluate
  evaluated evaluation measure measured measures impact difference differences experience
  experiences helps helped helping support supported supporting protect protected protecting
  ensure ensures ensured identify identified identifying respond responded responding
  provide provided providing offer offered offering consider considered considering
  recognise recognised recognising agree agreed disagree welcome welcomed concern concerns
  concerned propose proposed proposes recommend recommended recommendation recommendations
  suggest suggested expect expected expectation expectations require required requirement
  requirements reduce increase improve improved improving maintain maintained develop
  developed developing developments implement implemented implementation proportionate
  proportionality burden burdens duplication unnecessary additional new current existing
  previous future short longer long announced unannounced notice on-site off-site fieldwork
  pilot pilots tested testing model models approach approaches option options alternative
  alternatives regime regimes cycle cycles frequency reinspection re-inspection monitoring
  visits focused-visits annual engagement meetings self-evaluation self-assessment
  children’s young people’s families’ authority’s inspectorates’ partners’ leaders’
  council’s area’s Ofsted’s`.split(/\s+/);

const properNouns = `Ofsted CQC HMICFRS Estyn Cafcass ADCS LGA Solace Gwynedd Ceredigion
  Cumbria Durham Kent Hackney Leeds Bristol Norfolk Devon Wirral Lancashire Barnet Croydon
  Swansea Powys Gŵyr Sir Gâr England Wales Monday Tuesday January March September
  Working Together Children Act`.split(/\s+/);

// The long tail: made-up words from syllables, so the vocabulary reaches a few thousand
// without a dictionary, and each looks like a word (rare terms, names, jargon).
const onsets = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w'];
const nuclei = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const codas = ['', '', 'n', 'r', 'l', 's', 't', 'nd', 'st', 'm', 'ck', 'ng'];
const suffixes = ['', '', '', 'ing', 'ed', 'ment', 'ness', 'tion', 'al', 'ity', 'ly', 's', 'er'];
function madeUp() {
  let w = '';
  const syllables = chance(0.6) ? 1 : 2;
  for (let i = 0; i < syllables; i++) w += pick(onsets) + pick(nuclei) + pick(codas);
  return w + pick(suffixes);
}

const seen = new Set();
const vocabulary = [];
const add = (w) => { if (w && !seen.has(w)) { seen.add(w); vocabulary.push(w); } };
functionWords.forEach(add);
// Content words in a shuffled order, so their frequency does not follow the list above.
const content = [...new Set([...inspectionWords, ...properNouns])];
for (let i = content.length - 1; i > 0; i--) { const j = int(0, i); [content[i], content[j]] = [content[j], content[i]]; }
content.forEach(add);
while (vocabulary.length < 4000) add(madeUp());

// Zipf-Mandelbrot weights 1 / (rank + 2.7)^1.1; drawing is a binary search of the running sum.
const cumulative = [];
let total = 0;
for (let r = 0; r < vocabulary.length; r++) { total += 1 / Math.pow(r + 1 + 2.7, 1.1); cumulative.push(total); }
function zipfWord() {
  const x = random() * total;
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] < x) lo = mid + 1; else hi = mid; }
  return vocabulary[lo];
}

// Set phrases that recur all through real responses: repeated runs of words are what makes
// a diff's anchors ambiguous, so the texts have them too.
const phrases = [
  'children and young people', 'the local authority', 'multi-agency safeguarding arrangements',
  'in our experience', 'we do not agree that', 'the quality of practice', 'help and protection',
  'children in need', 'care leavers', 'the lead inspector', 'at the front door', 'in most areas',
  'the director of children’s services', 'partner agencies', 'the single inspection framework',
  'we would welcome', 'on the other hand', 'as a result', 'for example', 'the impact on children',
].map((p) => p.split(' '));
let pending = [];
function word() {
  if (pending.length) return pending.shift();
  if (chance(0.012)) { [...pending] = pick(phrases); return pending.shift(); }
  return zipfWord();
}

// ---------------------------------------------------------------------------------------
// Text: paragraphs of sentences of words. A sentence is kept as a list of words (with the
// punctuation that follows each) until the very end, so edits work on words.

function newSentence() {
  const n = int(6, 28);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = word();
    if (chance(0.01)) w = String(int(2, 152));
    if (chance(0.015)) w = `(${w})`;
    words.push(w);
    if (i > 2 && i < n - 3 && chance(0.07)) words[words.length - 1] += pick([',', ',', ',', ';', ' –', ':']);
  }
  words[words.length - 1] += pick(['.', '.', '.', '.', '.', '.', '?', '!']);
  return words;
}
const newParagraph = () => Array.from({ length: int(2, 8) }, newSentence);

const render = (paragraphs) => paragraphs.map((p) => p.map((s) => {
  const text = s.join(' ');
  return text[0] === '(' ? text : text[0].toUpperCase() + text.slice(1);
}).join(' ')).join('\n\n') + '\n';
const countWords = (paragraphs) => paragraphs.reduce((n, p) => n + p.reduce((m, s) => m + s.length, 0), 0);

const a = [];
while (countWords(a) < targetWords) a.push(newParagraph());

// ---------------------------------------------------------------------------------------
// Pair 1: scattered edits. At each word, with a small chance, one edit: substitute a word or a
// short phrase, delete a word or a short phrase, or insert one. Then two paragraphs move.

random = prng(0xed175);
const edits = { substituted: 0, deleted: 0, inserted: 0, moved_paragraphs: 0, moved_words: 0 };
const phrase = (lo, hi) => Array.from({ length: int(lo, hi) }, word);
const scattered = a.map((p) => p.map((s) => {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (!chance(0.022)) { out.push(s[i]); continue; }
    const kind = random();
    const last = i === s.length - 1;   // keep the sentence's final punctuation where it was
    if (kind < 0.5) {                       // substitute 1 to 3 words by 1 to 3 others
      const n = Math.min(int(1, 3), s.length - i);
      const by = phrase(1, 3);
      by[by.length - 1] += (s[i + n - 1].match(/[.?!,;:]$/) || [''])[0];
      out.push(...by);
      edits.substituted += Math.max(n, by.length);
      i += n - 1;
    } else if (kind < 0.75 && !last) {      // delete 1 to 3 words
      const n = Math.min(int(1, 3), s.length - i - 1);
      edits.deleted += n;
      i += n - 1;
    } else {                                // insert 1 to 4 words before this one
      const ins = phrase(1, 4);
      out.push(...ins, s[i]);
      edits.inserted += ins.length;
    }
  }
  return out.length ? out : s;
}));
// Two paragraphs move: one from near the start to near the end, one the other way.
function move(list, from, to) {
  const [p] = list.splice(from, 1);
  list.splice(to, 0, p);
  edits.moved_paragraphs++;
  edits.moved_words += p.reduce((m, s) => m + s.length, 0);
}
move(scattered, Math.floor(scattered.length * 0.1), Math.floor(scattered.length * 0.85));
move(scattered, Math.floor(scattered.length * 0.9), Math.floor(scattered.length * 0.3));

// ---------------------------------------------------------------------------------------
// Pair 2: the first half kept (to the paragraph where half the words are reached), the rest
// replaced by new paragraphs of about the same length.

random = prng(0x2e3717e);
const rewritten = [];
let kept = 0;
for (const p of a) {
  if (kept >= targetWords / 2) break;
  rewritten.push(p);
  kept += p.reduce((m, s) => m + s.length, 0);
}
while (countWords(rewritten) < countWords(a)) rewritten.push(newParagraph());

// ---------------------------------------------------------------------------------------
// Write the texts, and each as the body of one section of a minimal Parley response.

const texts = { 'a': render(a), 'b-scattered': render(scattered), 'b-rewritten': render(rewritten) };
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(texts)) {
  writeFileSync(join(outDir, `${name}.txt`), text);
  const doc = {
    format: 'parley', version: 1, id: 'doc-diff-bench', kind: 'response',
    title: `Diff benchmark: ${targetWords.toLocaleString('en-GB')} words of generated prose`, status: 'draft',
    sections: [{ id: 'sec-body', heading: 'The whole text', body: text.replace(/\n$/, '') }],
  };
  writeFileSync(join(outDir, `${name}.parley.json`), JSON.stringify(doc, null, 2) + '\n');
}
const info = {
  vocabulary: vocabulary.length,
  words: { a: countWords(a), 'b-scattered': countWords(scattered), 'b-rewritten': countWords(rewritten) },
  bytes: Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, Buffer.byteLength(t)])),
  paragraphs: { a: a.length, 'b-scattered': scattered.length, 'b-rewritten': rewritten.length },
  scattered_edits: edits,
  rewritten_kept_words: kept,
};
info.scattered_edits.changed_words = edits.substituted + edits.deleted + edits.inserted;
writeFileSync(join(outDir, 'texts.json'), JSON.stringify(info, null, 2) + '\n');
console.log(`wrote ${outDir}: a ${info.words.a} words (${info.bytes.a} bytes, vocabulary ${vocabulary.length}); ` +
  `b-scattered ${edits.changed_words} words edited (${(100 * edits.changed_words / info.words.a).toFixed(1)} %) + ` +
  `${edits.moved_paragraphs} paragraphs (${edits.moved_words} words) moved; b-rewritten keeps the first ${kept} words`);
