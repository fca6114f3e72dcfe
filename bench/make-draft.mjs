// Writes a huge but realistic Parley draft for `make bench`:
//   node bench/make-draft.mjs [OUT] [TARGET_MB]     (defaults: build/bench/draft-10mb.parley.json, 10)
//
// A joint consultation response with a workshop: many regimes with typed dimensions, many
// questions answered at length, sources, comments and revisions, all following docs/format.md.
// The prose is generated from phrase lists with a fixed seed, so every run writes the same
// bytes and benchmark figures from different days compare like with like. It mixes in the
// non-ASCII text real drafts have (’ – é ŵ), because UTF-8 checking is part of the cost of load.
//
// The file is written in Parley's canonical form (members in the documented order, empty
// optional members left out, two-space indent), which is also what JSON.stringify(v, null, 2)
// gives, so "save" in every column of the benchmark produces the same bytes as the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { prng } from './prng.mjs';

const out = process.argv[2] || 'build/bench/draft-10mb.parley.json';
const targetBytes = Number(process.argv[3] || 10) * 1e6;

const random = prng(0x9a7e51);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function sample(list, n) {   // n distinct items, in list order (sets and signatories must not repeat)
  const chosen = new Set();
  while (chosen.size < Math.min(n, list.length)) chosen.add(pick(list));
  return list.filter((x) => chosen.has(x));
}

// Ids as Parley makes them: <prefix>-<12 lower-case base32 characters>.
const usedIds = new Set();
const allIds = [];
function id(prefix) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  for (;;) {
    let s = prefix + '-';
    for (let i = 0; i < 12; i++) s += alphabet[Math.floor(random() * 32)];
    if (!usedIds.has(s)) { usedIds.add(s); allIds.push(s); return s; }
  }
}

// ---------------------------------------------------------------------------------------
// Prose

const openers = [
  'In our experience', 'As the consultation itself acknowledges', 'Taken together', 'Put simply',
  'Where inspectors have tried this approach', 'For a small unitary authority', 'By contrast',
  'In rural areas such as Gŵyr and Ceredigion', 'Under the current framework', 'On balance',
  'Our members’ evidence shows that', 'In the pilot inspections', 'For children who move between areas',
  'Since the 2013 framework was introduced', 'Across the 152 local authorities in England',
  'In Cyngor Gwynedd’s experience', 'Looking at the last three years of reports', 'Most of all',
];
const subjects = [
  'the local authority', 'inspectors', 'partner agencies', 'the lead inspector', 'health partners',
  'the police', 'schools and early years settings', 'the safeguarding partnership', 'practitioners',
  'senior leaders', 'children and young people', 'families', 'the youth justice service',
  'independent reviewing officers', 'elected members', 'the director of children’s services',
  'the inspectorates', 'frontline social workers', 'the designated nurse', 'probation staff',
];
const verbs = [   // modal forms only, so they agree with singular and plural subjects alike
  'should be given', 'would benefit from', 'cannot reasonably be expected to provide', 'will need',
  'can already provide', 'would welcome', 'must be able to rely on', 'would see little value in',
  'may never be offered', 'ought to be offered', 'could lose', 'should not have to produce',
  'would be best placed to judge', 'will continue to depend on',
];
const objects = [
  'a clear account of what will be inspected and why',
  'short notice – no more than two working days – before inspectors arrive',
  'time to gather the evidence inspectors ask for without stopping work with families',
  'feedback that names what is working as well as what is not',
  'a proportionate sample of cases, chosen with the area’s context in mind',
  'a single, joined-up report rather than four separate letters',
  'the chance to correct factual errors before a report is published',
  'a named contact in each inspectorate for the whole of the inspection',
  'judgements that reflect the work of every agency, not the council’s alone',
  'the same expectations of health and police partners as of children’s social care',
  'a realistic view of what a 12–18 month improvement journey looks like',
  'a café-style conversation with young people rather than a formal panel',
  'the protégé model of peer review that has worked well in the north-west',
  'evidence that the new régime will not simply duplicate the single inspection framework',
  'recognition of the rôle played by the voluntary sector',
  'data that has already been returned to the Department rather than new templates',
  'a plain-English summary that families can read',
];
const tails = [
  '.', '.', '.', '.',
  ', which is why we ask the inspectorates to think again.',
  ' – and this matters most where resources are already stretched.',
  ', as the workshops with care leavers made very clear.',
  ', a point the regime’s own evaluation made in 2014.',
  '; without it, the burden falls on the same small number of managers.',
  ' (see the evidence annex).',
  ', whether the area is a large county or a small borough.',
];

function sentence() {
  let s = `${chance(0.45) ? pick(openers) + ', ' : ''}${pick(subjects)} ${pick(verbs)} ${pick(objects)}`;
  if (chance(0.2)) s += ` in ${int(2, 40)} of the ${int(41, 152)} areas we looked at`;
  s += pick(tails);
  return s[0].toUpperCase() + s.slice(1);
}
const paragraph = (lo = 3, hi = 7) => Array.from({ length: int(lo, hi) }, sentence).join(' ');
const prose = (lo, hi) => Array.from({ length: int(lo, hi) }, () => paragraph()).join('\n\n');
const title = () => { const s = pick(objects); return s[0].toUpperCase() + s.slice(1); };

function date(year) {
  const d = String(int(1, 28)).padStart(2, '0');
  const m = String(int(1, 12)).padStart(2, '0');
  return `${year}-${m}-${d}`;
}

// ---------------------------------------------------------------------------------------
// The document, members in the order of docs/format.md

const organisations = [
  ['Association of Directors of Children’s Services', 'ADCS', 'lead'],
  ['Local Government Association', 'LGA', 'co-signatory'],
  ['Society of Local Authority Chief Executives and Senior Managers', 'Solace', 'co-signatory'],
  ['Cyngor Gwynedd – Gwasanaethau Plant', 'Gwynedd', 'co-signatory'],
  ['Cyngor Sir Gâr (Carmarthenshire County Council)', 'Sir Gâr', 'co-signatory'],
  ['NHS Confederation', 'NHS Confed', 'supporter'],
  ['Police and Crime Commissioners’ Association', 'APCC', 'supporter'],
  ['Gŵyr Safeguarding Partnership', 'Gŵyr SP', 'supporter'],
].map(([name, short, role]) => ({
  id: id('org'), name, short_name: short, role,
  contacts: [`${pick(['Policy adviser', 'Chair', 'Head of safeguarding', 'Director'])}, ${short}`, `consultations@${short.toLowerCase().replace(/[^a-z]/g, '')}.example.org.uk`],
}));
const orgIds = organisations.map((o) => o.id);

const doc = {
  format: 'parley',
  version: 1,
  id: id('doc'),
  kind: 'response',
  title: 'Joint response to the proposed multi-agency inspection framework – benchmark draft (rhif 3, café edition)',
  status: 'draft',
  consultation: {
    owners: ['Ofsted', 'CQC', 'HMICFRS', 'HMI Probation', 'Estyn', 'Arolygiaeth Gofal Cymru'],
    title: 'Proposals for joint inspection of services for children in need of help and protection',
    reference: 'CONS-2016-042',
    opened: '2016-01-04',
    closes: '2016-03-28',
    url: 'https://consultations.example.gov.uk/joint-inspection-2016',
  },
  organisations,
  summary: { position: 'partly_agree', text: prose(6, 9) },
};

doc.sections = Array.from({ length: 30 }, (_, i) => ({ id: id('sec'), heading: `${i + 1}. ${title()}`, body: prose(3, 8) }));

const lists = [
  { key: 'support_level', label: 'How far the partnership supports this', options: [
    ['full', 'Full support'], ['conditional', 'Support with conditions'], ['opposed', 'Opposed'], ['undecided', 'Not yet decided – wants more detail'],
  ] },
  { key: 'evidence_grade', label: 'Strength of evidence', options: [
    ['strong', 'Strong: published evaluation'], ['moderate', 'Moderate: several areas’ own data'], ['weak', 'Weak: anecdote or one area'],
  ] },
].map((l) => ({ key: l.key, label: l.label, options: l.options.map(([key, label]) => ({ key, label })) }));

const sources = Array.from({ length: 200 }, (_, i) => ({
  id: id('src'),
  title: `${title()} (${pick(['evaluation report', 'research briefing', 'annual report', 'thematic review', 'adroddiad blynyddol'])} ${i + 1})`,
  publisher: pick(['Ofsted', 'Department for Education', 'ADCS', 'NSPCC', 'Welsh Government – Llywodraeth Cymru', 'Research in Practice', 'What Works for Children’s Social Care']),
  date: date(int(2008, 2016)),
  url: `https://publications.example.org.uk/${i + 1}`,
}));
const sourceIds = sources.map((s) => s.id);

// Catalogue dimensions (docs/format.md, "The catalogue"), each with the catalogue's type.
const builtIn = {
  notice: ['none', 'on_the_day', 'short_notice', 'announced'],
  judgement_style: ['graded', 'narrative', 'mixed'],
  agencies: ['council', 'health', 'police', 'probation', 'youth_justice', 'education', 'lscb', 'prisons'],
  methods: ['file_reading', 'case_tracking', 'shadowing', 'observation', 'talking_to_children', 'talking_to_staff', 'data_review', 'audit'],
  reinspection_scope: ['all_areas', 'inadequate_only'],
};
const catalogue = {
  notice: () => ({ type: 'choice', list: 'notice', option: pick(builtIn.notice) }),
  team: () => ({ type: 'text', text: `${pick(['Lead inspector', 'Two HMI', 'Three inspectors'])} from day ${int(1, 3)}, ${pick(['a health inspector', 'a police inspector', 'two more from day 2', 'a probation inspector – part time'])}` }),
  on_site_length: () => ({ type: 'number', value: pick([1, 1.5, 2, 3, 4]), unit: 'weeks' }),
  cases_sampled: () => ({ type: 'number', value: int(10, 120), unit: 'cases' }),
  methods: () => ({ type: 'set', list: 'methods', items: sample(builtIn.methods, int(2, 6)) }),
  judgement_areas: () => ({ type: 'set', items: sample(['help and protection', 'children in care', 'care leavers', 'leadership', 'early help', 'adoption', 'missing children', 'exploitation'], int(2, 5)) }),
  judgement_style: () => ({ type: 'choice', list: 'judgement_style', option: pick(builtIn.judgement_style) }),
  scope_agencies: () => ({ type: 'set', list: 'agencies', items: sample(builtIn.agencies, int(2, 7)) }),
  reinspection: () => { const min = int(6, 18); return { type: 'range', min, max: min + int(0, 12), unit: 'months' }; },
  reinspection_scope: () => ({ type: 'choice', list: 'reinspection_scope', option: pick(builtIn.reinspection_scope) }),
  cycle: () => ({ type: 'number', value: int(3, 5), unit: 'years' }),
  notified: () => ({ type: 'set', list: 'agencies', items: sample(builtIn.agencies, int(1, 5)) }),
};
// The user's own dimensions: a key, a label and a value of any type.
const ownValues = [
  () => ({ type: 'text', text: paragraph(1, 2) }),
  () => ({ type: 'number', value: int(1, 30), unit: 'days' }),
  () => ({ type: 'bound', bound: pick(['at_least', 'at_most']), value: int(1, 12), unit: 'weeks' }),
  () => ({ type: 'yes_no', value: chance(0.5) }),
  () => ({ type: 'choice', list: 'support_level', option: pick(lists[0].options).key }),
  () => ({ type: 'set', list: 'evidence_grade', items: sample(lists[1].options.map((o) => o.key), int(1, 2)) }),
];
const ownTopics = ['early_review', 'feedback_days', 'data_requests', 'peer_challenge', 'welsh_language', 'partner_letters',
  'care_leaver_voice', 'report_length', 'factual_accuracy', 'follow_up_visit', 'virtual_school', 'lado_role'];

function dimension(key, label, value) {
  const d = { id: id('dim'), key };
  if (label) d.label = label;
  d.value = value;
  d.rationale = prose(1, 3);
  if (chance(0.6)) d.sources = sample(sourceIds, int(1, 3));
  return d;
}

const regimeCount = 60;
const regimes = [];
for (let i = 0; i < regimeCount; i++) {
  const role = i === 0 ? 'current' : i < 4 ? 'proposed' : 'alternative';
  const g = { id: id('reg'), name: `${role === 'current' ? 'Single inspection framework (2013)' : role === 'proposed' ? `Joint targeted area inspection, option ${i}` : `Alternative ${i - 3}: ${title()}`}`, role };
  if (role !== 'current') g.owner = pick(orgIds);
  if (role === 'alternative') g.based_on = regimes[int(1, 3)].id;
  g.summary = prose(2, 4);
  g.dimensions = [
    ...Object.entries(catalogue).map(([key, make]) => dimension(key, null, make())),
    ...ownTopics.map((t) => dimension(t, `${t[0].toUpperCase()}${t.slice(1).replace(/_/g, ' ')} – what we propose`, pick(ownValues)())),
  ];
  regimes.push(g);
}
doc.regimes = regimes;

const questions = Array.from({ length: 400 }, (_, i) => {
  const q = { id: id('q'), number: `${Math.floor(i / 4) + 1}${'abcd'[i % 4]}`, text: `To what extent do you agree that ${pick(subjects)} ${pick(verbs)} ${pick(objects)}? Please explain your answer.` };
  if (chance(0.5)) q.word_limit = pick([250, 500, 750, 1000]);
  return q;
});
doc.questions = questions;

const positions = ['agree', 'partly_agree', 'disagree', 'no_view'];
doc.answers = questions.map((q) => {
  const a = { id: id('ans'), question: q.id, position: pick(positions), reasoning: prose(3, 6), evidence: prose(1, 3), recommendations: prose(1, 2) };
  if (chance(0.5)) a.sources = sample(sourceIds, int(1, 4));
  if (chance(0.4)) a.signatories = sample(orgIds.slice(1), int(1, 3)).map((o) => {
    const s = { organisation: o, position: pick(positions) };
    if (chance(0.7)) s.note = paragraph(1, 3);
    return s;
  });
  return a;
});

doc.general_points = Array.from({ length: 25 }, () => ({ id: id('gp'), heading: title(), body: prose(2, 5) }));

const criteria = ['Burden on the area', 'Focus on children’s experience', 'Multi-agency reach', 'Clarity of judgements', 'Proportionality', 'Fit with Welsh inspection (Arolygiaeth)', 'Learning for improvement', 'Cost']
  .map((label) => ({ id: id('crit'), label, description: paragraph(2, 4), weight: pick([0.5, 1, 1, 1.5, 2]) }));
const participants = Array.from({ length: 30 }, (_, i) => {
  const p = { id: id('who'), name: `${pick(['Siân', 'Gwenllïan', 'Zoë', 'Renée', 'Dafydd', 'Aoife', 'Chloé', 'Ŵyn', 'Priya', 'Tom'])} ${pick(['Jones', 'O’Brien', 'Williams', 'Müller', 'Ahmed', 'Evans', 'Davies', 'Smith'])} (${i + 1})` };
  if (chance(0.8)) p.organisation = pick(orgIds);
  return p;
});
const scored = regimes.slice(0, 12);
const scores = [];
for (const p of participants)
  for (const g of scored)
    for (const k of criteria) {
      const s = { participant: p.id, regime: g.id, criterion: k.id, score: pick([0, 1, 2, 2.5, 3, 3.5, 4, 5]) };
      if (chance(0.25)) s.note = sentence();
      scores.push(s);
    }
doc.workshop = { regimes: scored.map((g) => g.id), criteria, participants, scores };

doc.lists = lists;
doc.sources = sources;

doc.comments = Array.from({ length: 2000 }, () => {
  const c = { id: id('cmt'), target: pick(allIds), text: paragraph(1, 3), author: pick(participants).name, organisation: pick(organisations).short_name, time: `${date(2016)}T${String(int(8, 18)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z` };
  if (chance(0.3)) c.resolved = true;
  return c;
});

const revisions = [];
for (let i = 0; i < 250; i++) {
  const r = { id: id('rev') };
  if (i > 0) r.parent = revisions[i - 1].id;
  const day = new Date(Date.UTC(2016, 0, 4) + i * 7 * 3600 * 1000);
  r.time = day.toISOString().replace(/\.\d+Z$/, 'Z');
  r.organisation = pick(organisations).name;
  r.author = pick(participants).name;
  if (chance(0.5)) r.note = sentence();
  revisions.push(r);
}
doc.revisions = revisions;

// ---------------------------------------------------------------------------------------
// Grow to the target size with more answered questions (the bulk of a real response), then write.

let text = JSON.stringify(doc, null, 2) + '\n';
while (Buffer.byteLength(text) < targetBytes) {
  const extra = Math.max(1, Math.ceil((targetBytes - Buffer.byteLength(text)) / 6000));
  for (let i = 0; i < extra; i++) {
    const q = { id: id('q'), number: `S${doc.questions.length + 1}`, text: `Supplementary: ${sentence()}` };
    doc.questions.push(q);
    doc.answers.push({ id: id('ans'), question: q.id, position: pick(positions), reasoning: prose(3, 6), evidence: prose(1, 3), recommendations: prose(1, 2) });
  }
  text = JSON.stringify(doc, null, 2) + '\n';
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote ${out}: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${doc.regimes.length} regimes, ` +
  `${doc.regimes.reduce((n, g) => n + g.dimensions.length, 0)} dimensions, ${doc.questions.length} questions, ` +
  `${doc.workshop.scores.length} scores, ${doc.comments.length} comments`);
