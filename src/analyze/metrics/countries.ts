/**
 * Country metrics from trial locations.
 *
 * Multi-country rule (documented, two variants):
 * - full count: every country of a trial gets the trial's whole registered enrollment. Country totals then add up
 *   to MORE than the total participants when multi-country trials exist.
 * - split evenly: each of the trial's N distinct countries gets enrollment / N. Country totals add up to the total.
 * Trials without any location country are reported under "(no location)". Trials without an enrollment figure
 * count as trials but add 0 participants (their number is given in the note).
 */
import { FLAG, MULTI_DICT, type PreparedStudy } from '../prepare.js';
import {
  byValueDesc,
  codeTally,
  countTable,
  finish,
  type CodeTally,
  type MetricTable,
  type TallyContext,
} from './table.js';

type Rows = readonly PreparedStudy[];

const COUNTRY_META = {
  id: 'trialsByCountry',
  title: 'Trials per country',
  dims: ['country'],
  unit: 'trials',
  note: 'A trial counts once in every distinct country of its locations (multi-country trials count in each, so counts add up to more than the trials). "(no location)" = no location listed.',
};

export function trialsByCountry(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(rows, 'countries', COUNTRY_META, ctx);
}

export function observationalByCountry(rows: Rows, ctx?: TallyContext): MetricTable {
  const pre = ctx?.pre?.rows === rows ? ctx.pre : undefined;
  let t: MetricTable;
  let nObs: number;
  if (pre) {
    nObs = pre.observational;
    t = finish(pre.observationalCountries, nObs, COUNTRY_META);
  } else {
    const obs = rows.filter((r) => r.studyType === 'OBSERVATIONAL');
    nObs = obs.length;
    t = trialsByCountry(obs, ctx);
  }
  return {
    ...t,
    id: 'observationalByCountry',
    title: 'Observational studies per country',
    note: `Study type OBSERVATIONAL only (${nObs} studies). ${t.note}`,
  };
}

export interface Participants {
  /** Sum of registered enrollment over trials (each trial once). */
  total: number;
  trialsWithEnrollment: number;
  trialsWithoutEnrollment: number;
  /** Trials whose enrollment type is ACTUAL vs ESTIMATED (anticipated). */
  actualEnrollmentTrials: number;
  estimatedEnrollmentTrials: number;
}

export function participants(rows: Rows): Participants {
  let total = 0;
  let withE = 0;
  let actual = 0;
  let estimated = 0;
  for (const r of rows) {
    const n = r.enrollment;
    if (n === null) continue;
    withE++;
    total += n;
    if (r.flags & FLAG.actualEnrollment) actual++;
    else if (r.flags & FLAG.estimatedEnrollment) estimated++;
  }
  return {
    total,
    trialsWithEnrollment: withE,
    trialsWithoutEnrollment: rows.length - withE,
    actualEnrollmentTrials: actual,
    estimatedEnrollmentTrials: estimated,
  };
}

export type SplitRule = 'full' | 'split';

export function participantsByCountry(rows: Rows, rule: SplitRule, ctx?: TallyContext): MetricTable {
  const pre = ctx?.pre?.rows === rows ? ctx.pre : undefined;
  let t: { rows: CodeTally['rows'] };
  let missing = 0;
  if (pre) {
    t = rule === 'full' ? pre.countryFull : pre.countrySplit;
    missing = pre.missingEnrollment;
  } else {
    const dict = MULTI_DICT.countries;
    const tally = codeTally(dict.values.length, (c) => [dict.values[c]!], ctx, true);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      // the distinct countries (countryKeys), so n / length is the split of the original rule
      const countries = r.codes.countries;
      const n = r.row.study.enrollment.count;
      if (n === null) missing++;
      const each = n === null ? 0 : rule === 'full' ? n : n / countries.length;
      for (const c of countries) tally.add(c, r.nctId, i, each);
    }
    t = tally;
  }
  const ruleText =
    rule === 'full'
      ? 'Full count: each country of a multi-country trial gets the whole enrollment (country totals can exceed the overall total).'
      : "Split evenly: a trial's enrollment is divided by its number of distinct countries (country totals add up to the overall total).";
  return {
    id: rule === 'full' ? 'participantsByCountryFull' : 'participantsByCountrySplit',
    title: `Registered participants per country (${rule === 'full' ? 'full count' : 'split evenly'})`,
    dims: ['country'],
    unit: 'trials',
    valueLabel: 'participants',
    denominator: rows.length,
    note: `${ruleText} Registered enrollment (actual or anticipated) as in the snapshot. ${missing} trial(s) without an enrollment figure add 0.`,
    rows: t.rows({ withValue: true, order: byValueDesc }),
  };
}
