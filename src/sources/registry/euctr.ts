/**
 * The EU Clinical Trials Register "full text" download: one block per member-state record ("Summary",
 * "EudraCT Number: …", then "A.1 Member State Concerned: …", "E.7.1 Human pharmacology (Phase I): Yes", …),
 * translations as "(es)" lines, values running over several lines. Consecutive blocks of one EudraCT number
 * are folded into ONE trial (registry euctr, trial id = the EudraCT number): the member states become its
 * countries, the planned size the whole-trial figure. A damaged block (a value that breaks its field's form:
 * a yes/no field that is neither, an EMA decision number that is none, a date that is no date) is reported
 * through `warn` with its position and skipped; the other blocks load. The sponsor's contact point (B.5:
 * names, phones, e-mails) is never kept.
 */
import { InputError } from '../../model/errors.js';
import type { StudyRecord } from '../../model/record.js';
import type { Intervention, Provenance } from '../../model/study.js';
import { emptyStudy } from '../../model/study.js';
import { parseRegistrationId } from '../../model/registries.js';
import { validated } from '../map-util.js';
import {
  countryLocations,
  criteriaText,
  dateField,
  intervention,
  outcomesFrom,
  secondaryIdsFrom,
} from './common.js';
import { clean, countryList, parseLooseDate } from './normalize.js';

/** One field line: code ("E.7.1", "N.", "B.3.1 and B.3.2"), label, value (continuation lines joined). */
interface Field {
  code: string;
  label: string;
  value: string;
}

export interface EuctrBlock {
  /** 1-based block number in the file and the line where it starts. */
  block: number;
  line: number;
  fields: Field[];
}

const SUMMARY_FIELD =
  /^(EudraCT Number|Sponsor's Protocol Code Number|National Competent Authority|Clinical Trial Type|Trial Status|Date on which this record was first entered in the EudraCT database|Link)\s*:\s?(.*)$/;
const CODE_LINE = /^((?:[A-P](?:\.(?:\d+|IMP))*\.?)(?:\s+(?:and|to)\s+[A-P](?:\.\d+)+)?)[ \t]+(\S.*)$/;
const TRANSLATION = /\s\([a-z]{2}\)$/;

/** Is this text an EUCTR full-text download? (its first non-blank line, or a Summary/EudraCT Number start) */
export function looksLikeEuctr(head: string): boolean {
  const t = head.replace(/^\ufeff/, '').trimStart();
  return (
    t.startsWith('This file contains full details on each clinical trial') ||
    /^Summary\r?\nEudraCT Number:/.test(t)
  );
}

/** Cut streamed text into blocks of fields. */
export async function* euctrBlocks(text: AsyncIterable<string>): AsyncGenerator<EuctrBlock> {
  let carry = '';
  let lineNo = 0;
  let cur: EuctrBlock | null = null;
  let last: Field | null = null;
  let skipping = false;
  let n = 0;
  const handle = (raw: string): EuctrBlock | null => {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === 'Summary') {
      const done = cur;
      cur = { block: ++n, line: lineNo, fields: [] };
      last = null;
      skipping = false;
      return done;
    }
    if (cur === null) return null;
    const imp = /^D\.IMP:\s*(.*)$/.exec(line);
    if (imp) {
      last = { code: 'D.IMP', label: 'IMP', value: imp[1]!.trim() };
      cur.fields.push(last);
      skipping = false;
      return null;
    }
    const sm = SUMMARY_FIELD.exec(line);
    const cm = sm ? null : CODE_LINE.exec(line);
    if (sm || cm) {
      let code = '';
      let label: string;
      let value: string;
      if (sm) {
        label = sm[1]!;
        value = sm[2] ?? '';
      } else {
        code = cm![1]!.replace(/\s+/g, ' ');
        const rest = cm![2]!;
        const colon = rest.indexOf(':');
        if (colon < 0) {
          // a heading ("E.7 Trial type and phase"): ends the previous value
          last = null;
          skipping = false;
          return null;
        }
        label = rest.slice(0, colon).trim();
        value = rest.slice(colon + 1).trim();
      }
      if (TRANSLATION.test(label)) {
        skipping = true;
        last = null;
        return null;
      }
      skipping = false;
      last = { code, label, value: value.trim() };
      cur.fields.push(last);
      return null;
    }
    if (skipping || last === null || line.trim() === '') return null;
    last.value = last.value === '' ? line.trim() : `${last.value}\n${line.trim()}`;
    return null;
  };
  for await (const chunk of text) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop()!;
    for (const l of lines) {
      const done = handle(l);
      if (done) yield done;
    }
  }
  if (carry !== '') handle(carry);
  if (cur) yield cur;
}

const get = (b: EuctrBlock, code: string, label?: RegExp): string | null => {
  const f = b.fields.find((x) => x.code === code && (label === undefined || label.test(x.label)));
  return f ? clean(f.value) : null;
};
const all = (b: EuctrBlock, code: string): string[] =>
  b.fields
    .filter((x) => x.code === code)
    .map((x) => clean(x.value))
    .filter((x): x is string => x !== null);
const summary = (b: EuctrBlock, label: string): string | null => get(b, '', new RegExp(`^${label}`));

const YES_NO_FIELDS = [
  'A.7',
  'E.7.1',
  'E.7.2',
  'E.7.3',
  'E.7.4',
  'E.8.1',
  'F.2.1',
  'F.2.2',
  'F.3.1',
  'F.3.2',
];
/** EMA decision numbers (P/0123/2021) and PIP numbers (EMEA-001234-PIP01-10). */
const EMA_DECISION = /P\/\d{3,5}\/\d{4}|EMEA-\d{6}-PIP\d{2}-\d{2}/i;

/** Why a block is damaged, or null when every checked field has its form. */
export function blockProblem(b: EuctrBlock): string | null {
  const id = summary(b, 'EudraCT Number') ?? get(b, 'A.2');
  if (id === null || parseRegistrationId(id)?.registry !== 'euctr')
    return `EudraCT Number ${JSON.stringify(id ?? '')} is not a EudraCT number`;
  for (const f of b.fields) {
    const v = f.value.trim();
    if (YES_NO_FIELDS.includes(f.code) && v !== '' && !/^(yes|no)$/i.test(v))
      return `field ${f.code} "${f.label}": ${JSON.stringify(v.slice(0, 40))} is not Yes/No`;
    if (f.code === 'A.8' && v !== '' && !EMA_DECISION.test(v))
      return `field ${f.code} "${f.label}": ${JSON.stringify(v.slice(0, 40))} is not an EMA decision number`;
    if ((f.code === 'N.' && /^Date/.test(f.label)) || /^Date on which/.test(f.label)) {
      try {
        parseLooseDate(v);
      } catch {
        return `field ${f.code || f.label}: ${JSON.stringify(v.slice(0, 40))} is not a date`;
      }
    }
    if (/^F\.4\.(1|2\.1|2\.2)$/.test(f.code) && v !== '' && !/^\d+$/.test(v))
      return `field ${f.code} "${f.label}": ${JSON.stringify(v.slice(0, 40))} is not a number`;
  }
  return null;
}

/** "Spain - AEMPS" -> "Spain". */
const memberState = (v: string | null): string | null =>
  v === null ? null : v.replace(/\s+-\s+.*$/, '').trim();

const STATUS_RANK = ['ongoing', 'restarted', 'temporarily halted', 'prematurely ended', 'completed'];
const STATUS: Record<string, string> = {
  ongoing: 'ONGOING',
  restarted: 'ONGOING',
  'temporarily halted': 'SUSPENDED',
  'prematurely ended': 'TERMINATED',
  completed: 'COMPLETED',
};

/** Fold the member-state blocks of one EudraCT number into one StudyRecord. */
export function foldEuctr(blocks: EuctrBlock[], prov: Provenance): StudyRecord {
  const first = blocks[0]!;
  const id = parseRegistrationId(summary(first, 'EudraCT Number') ?? get(first, 'A.2') ?? '')!.id;
  const s = emptyStudy(id, prov, 'euctr');
  const pick = (code: string, label?: RegExp): string | null => {
    for (const b of blocks) {
      const v = get(b, code, label);
      if (v !== null) return v;
    }
    return null;
  };
  s.officialTitle = pick('A.3')?.replace(/\s+/g, ' ') ?? null;
  s.briefTitle = pick('A.3.1')?.replace(/\s+/g, ' ') ?? s.officialTitle;
  const abbrev = pick('A.3.2');
  s.acronym = abbrev !== null && abbrev.length <= 30 && abbrev.split(/\s+/).length <= 3 ? abbrev : null;
  s.orgStudyId = pick('A.4.1');
  s.secondaryIds = secondaryIdsFrom(
    blocks.flatMap((b) => ['A.5.1', 'A.5.2', 'A.5.3', 'A.5.4'].flatMap((c) => all(b, c))),
    s.trialId,
  );
  const sponsor = pick('B.1.1');
  const kind = pick('B.3.1 and B.3.2')?.toLowerCase() ?? '';
  s.leadSponsor =
    sponsor === null
      ? null
      : {
          name: sponsor,
          class: kind === 'commercial' ? 'INDUSTRY' : kind === 'non-commercial' ? 'OTHER' : null,
        };
  const cond = pick('E.1.1');
  s.conditions = cond === null ? [] : [cond.replace(/\s+/g, ' ')];
  const lay = pick('E.1.1.1');
  if (lay !== null && lay !== cond) s.keywords = [lay];
  s.briefSummary = pick('E.2.1');
  s.detailedDescription = pick('E.2.2');
  s.studyType = 'INTERVENTIONAL';
  const phaseFlags: [string, string][] = [
    ['E.7.1', 'PHASE1'],
    ['E.7.2', 'PHASE2'],
    ['E.7.3', 'PHASE3'],
    ['E.7.4', 'PHASE4'],
  ];
  s.phases = phaseFlags.filter(([c]) => /^yes$/i.test(pick(c) ?? '')).map(([, p]) => p);
  s.interventions = imps(blocks);
  s.primaryOutcomes = outcomesFrom([{ measure: pick('E.5.1'), timeFrame: pick('E.5.1.1') }]);
  s.secondaryOutcomes = outcomesFrom([{ measure: pick('E.5.2'), timeFrame: pick('E.5.2.1') }]);
  const yes = (c: string): boolean => /^yes$/i.test(pick(c) ?? '');
  const female = yes('F.2.1');
  const male = yes('F.2.2');
  const ages: string[] = [];
  if (yes('F.1.1')) ages.push('CHILD');
  if (yes('F.1.2')) ages.push('ADULT');
  if (yes('F.1.3')) ages.push('OLDER_ADULT');
  const hv = pick('F.3.1');
  s.eligibility = {
    criteria: criteriaText(pick('E.3'), pick('E.4')),
    sex: female && male ? 'ALL' : female ? 'FEMALE' : male ? 'MALE' : null,
    minimumAge: null,
    maximumAge: null,
    stdAges: ages,
    healthyVolunteers: hv === null ? null : /^yes$/i.test(hv),
  };
  const whole = pick('F.4.2.2') ?? pick('F.4.2.1');
  const perState = blocks.map((b) => Number(get(b, 'F.4.1') ?? NaN)).filter((x) => Number.isFinite(x));
  const count =
    whole !== null ? Number(whole) : perState.length > 0 ? perState.reduce((a, x) => a + x, 0) : null;
  s.enrollment = { count, type: count === null ? null : 'ESTIMATED' };
  s.locations = countryLocations(
    countryList(blocks.map((b) => memberState(get(b, 'A.1') ?? summary(b, 'National Competent Authority')))),
  );
  const statuses = blocks
    .map((b) => (get(b, 'P.', /End of Trial Status/) ?? summary(b, 'Trial Status'))?.toLowerCase() ?? null)
    .filter((x): x is string => x !== null);
  const best = STATUS_RANK.find((r) => statuses.includes(r)) ?? statuses[0] ?? null;
  s.overallStatus = best === null ? null : (STATUS[best] ?? best.toUpperCase().replace(/[^A-Z0-9]+/g, '_'));
  const entered = blocks
    .map((b, i) =>
      dateField(
        { ...prov, record: i + 1 },
        'Date on which this record was first entered',
        summary(b, 'Date on which'),
      ),
    )
    .filter((d) => d !== null)
    .sort((a, b) => (a!.value < b!.value ? -1 : 1));
  s.firstSubmittedDate = entered[0] ?? null;
  s.firstPostedDate = s.firstSubmittedDate;
  const raw = {
    eudractNumber: id,
    memberStateRecords: blocks.map((b) => ({
      block: b.block,
      line: b.line,
      fields: b.fields.filter((f) => !f.code.startsWith('B.5')),
    })),
  };
  return { study: validated(s), raw };
}

/** The investigational medicinal products (D.IMP sections) of every block, de-duplicated by name. */
function imps(blocks: EuctrBlock[]): Intervention[] {
  const out = new Map<string, Intervention>();
  for (const b of blocks) {
    let cur: Record<string, string> | null = null;
    const flush = (): void => {
      if (!cur) return;
      const name = cur['D.3.1'] ?? cur['D.3.8'] ?? cur['D.3.2'] ?? null;
      if (name !== null && !out.has(name.toLowerCase())) {
        const other = [cur['D.3.8'], cur['D.3.2'], cur['D.2.1.1.1']].filter(
          (x): x is string => !!x && x !== name,
        );
        const atimp = /^yes$/i.test(cur['D.3.11.3'] ?? '');
        const desc = [
          cur['D.3.4'] && `Pharmaceutical form: ${cur['D.3.4']}`,
          cur['D.3.7'] && `Route: ${cur['D.3.7']}`,
        ]
          .filter(Boolean)
          .join('. ');
        const iv = intervention(name, atimp ? 'BIOLOGICAL' : 'DRUG', [], desc === '' ? null : desc);
        iv.otherNames = [...new Set(other)];
        out.set(name.toLowerCase(), iv);
      }
      cur = null;
    };
    for (const f of b.fields) {
      if (f.code === 'D.IMP' || (f.code === 'D.' && /^IMP/.test(f.label))) {
        flush();
        cur = {};
      } else if (cur && f.code.startsWith('D.')) {
        const v = clean(f.value);
        if (v !== null && cur[f.code] === undefined) cur[f.code] = v;
      }
    }
    flush();
  }
  return [...out.values()];
}

/** Read the download: fold blocks per EudraCT number, report damaged blocks through `warn` and skip them. */
export async function* readEuctr(
  text: AsyncIterable<string>,
  file: string,
  prov: () => Provenance,
  warn: (message: string) => void,
): AsyncGenerator<StudyRecord> {
  let group: EuctrBlock[] = [];
  let groupId: string | null = null;
  let any = false;
  let loaded = 0;
  let firstDamage: { block: EuctrBlock; problem: string } | null = null;
  for await (const b of euctrBlocks(text)) {
    any = true;
    const problem = blockProblem(b);
    if (problem !== null) {
      const state = memberState(get(b, 'A.1') ?? summary(b, 'National Competent Authority')) ?? '?';
      warn(
        `${file}: record ${b.block} (line ${b.line}, EudraCT ${summary(b, 'EudraCT Number') ?? '?'}, ${state}): ${problem}; block skipped`,
      );
      firstDamage ??= { block: b, problem };
      continue;
    }
    loaded++;
    const id = parseRegistrationId(summary(b, 'EudraCT Number') ?? get(b, 'A.2')!)!.id;
    if (groupId !== null && id !== groupId) {
      yield foldEuctr(group, prov());
      group = [];
    }
    groupId = id;
    group.push(b);
  }
  if (group.length > 0) yield foldEuctr(group, prov());
  if (!any) throw new InputError({ file }, 'EUCTR download holds no trial record ("Summary" block)');
  if (loaded === 0 && firstDamage)
    throw new InputError(
      { file, record: firstDamage.block.block, line: firstDamage.block.line },
      `no loadable trial record in the EUCTR download: ${firstDamage.problem}`,
    );
}
