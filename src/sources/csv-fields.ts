/**
 * Cell parsers shared by the two website CSV exports (classic and v2): multi-values joined with "|",
 * "Type: Name" interventions, "Key: Value" study designs, "18 Years to 65 Years (Adult, Older Adult)" ages,
 * and the columns both exports name alike (other ids, dates, locations).
 */
import type { Intervention, Provenance, Study } from '../model/study.js';
import {
  ALLOCATION,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  PRIMARY_PURPOSE,
  STD_AGE,
  lookup,
} from '../model/vocab.js';
import { date } from './map-util.js';

/** One parsed CSV row: header -> cell text. */
export type CsvRow = Record<string, string | undefined>;

/** "a|b|c" -> ["a","b","c"]; blank -> []. */
export function pipes(cell: string | undefined): string[] {
  if (cell === undefined) return [];
  const out: string[] = [];
  for (const p of cell.split('|')) {
    const t = p.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

export function cellText(cell: string | undefined): string | null {
  if (cell === undefined) return null;
  const t = cell.trim();
  return t === '' ? null : t;
}

/**
 * "Drug: Name" / "BIOLOGICAL: Name" -> {type, name}. The prefix is a type only when the vocabulary knows it
 * (names can contain ": " themselves); otherwise the whole text is the name and the type is null.
 */
export function intervention(text: string): Intervention {
  const i = text.indexOf(': ');
  let type: string | null = null;
  let name = text;
  if (i > 0) {
    const prefix = text.slice(0, i);
    const known = INTERVENTION_TYPE[prefix.toLowerCase()];
    const v2Enum = Object.values(INTERVENTION_TYPE).includes(prefix);
    if (known !== undefined || v2Enum) {
      type = known ?? prefix;
      name = text.slice(i + 2).trim();
    }
  }
  return { type, name, description: null, otherNames: [], armGroupLabels: [] };
}

export interface DesignCells {
  allocation: string | null;
  interventionModel: string | null;
  observationalModel: string | null;
  masking: string | null;
  primaryPurpose: string | null;
}

/** "Allocation: Randomized|Intervention Model: Parallel Assignment|Masking: Double (Participant, …)|…". */
export function design(cell: string | undefined): DesignCells {
  const d: DesignCells = {
    allocation: null,
    interventionModel: null,
    observationalModel: null,
    masking: null,
    primaryPurpose: null,
  };
  for (const part of pipes(cell)) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const key = part.slice(0, i).trim().toLowerCase();
    const value = part.slice(i + 1).trim();
    if (key === 'allocation') d.allocation = lookup(ALLOCATION, value);
    else if (key === 'intervention model') d.interventionModel = lookup(INTERVENTION_MODEL, value);
    else if (key === 'observational model') d.observationalModel = lookup(OBSERVATIONAL_MODEL, value);
    else if (key === 'primary purpose') d.primaryPurpose = lookup(PRIMARY_PURPOSE, value);
    else if (key === 'masking') {
      const p = value.indexOf('(');
      d.masking = lookup(MASKING, p < 0 ? value : value.slice(0, p));
      // "None (Open Label)" is itself a table entry.
      if (value.toLowerCase().startsWith('none')) d.masking = 'NONE';
    }
  }
  return d;
}

const AGE_GROUP_WORDS = new Set(
  Object.keys(STD_AGE).concat(Object.values(STD_AGE).map((v) => v.toLowerCase())),
);

/**
 * Ages cell -> min/max age and standard age groups. Shapes: "18 Years to 65 Years (Adult, Older Adult)",
 * "18 Years and older (Adult, Older Adult)", "up to 17 Years (Child)", "Child, Adult, Older Adult",
 * "ADULT, OLDER_ADULT". Returns null limits when the cell has none.
 */
export function ages(
  cell: string | undefined,
): Pick<Study['eligibility'], 'minimumAge' | 'maximumAge' | 'stdAges'> {
  const text = (cell ?? '').replace(/\u00a0/g, ' ').trim();
  let limits = text;
  let groups = '';
  const p = text.indexOf('(');
  if (p >= 0 && text.endsWith(')')) {
    limits = text.slice(0, p).trim();
    groups = text.slice(p + 1, -1);
  } else if (text.split(',').every((g) => AGE_GROUP_WORDS.has(g.trim().toLowerCase()))) {
    limits = '';
    groups = text;
  }
  let minimumAge: string | null = null;
  let maximumAge: string | null = null;
  const lower = limits.toLowerCase();
  const to = lower.indexOf(' to ');
  if (lower.startsWith('up to ')) maximumAge = limits.slice(6).trim();
  else if (lower.endsWith(' and older')) minimumAge = limits.slice(0, -10).trim();
  else if (to > 0) {
    minimumAge = limits.slice(0, to).trim();
    maximumAge = limits.slice(to + 4).trim();
  } else if (limits !== '') minimumAge = limits;
  const stdAges: string[] = [];
  for (const g of groups.split(',')) {
    const v = lookup(STD_AGE, g);
    if (v !== null) stdAges.push(v);
  }
  return { minimumAge, maximumAge, stdAges };
}

/**
 * Registry country names that themselves contain ", " ("Korea, Republic of"): the part after the comma.
 * Used to keep such names whole when splitting a comma-joined location.
 */
const COUNTRY_NAME_TAILS = new Set([
  'republic of',
  'islamic republic of',
  'democratic republic of the',
  'the democratic republic of the',
  "democratic people's republic of",
  'the former yugoslav republic of',
  'united republic of',
  'federated states of',
  'plurinational state of',
  'bolivarian republic of',
  'province of china',
  'occupied',
  'u.s.',
  'british',
]);

/**
 * "Facility, City, State, Country" -> country only. Facility names contain commas and the state is optional,
 * so only the trailing country is unambiguous; the full text stays in the raw row.
 */
export function countryOf(location: string): string | null {
  const parts = location.split(',');
  let c = parts.pop()!.trim();
  if (parts.length > 0 && COUNTRY_NAME_TAILS.has(c.toLowerCase())) c = `${parts.pop()!.trim()}, ${c}`;
  return c === '' ? null : c;
}

/** The headers applySharedColumns reads. */
export const SHARED_CSV_COLUMNS = [
  'Other IDs',
  'Start Date',
  'Primary Completion Date',
  'Completion Date',
  'First Posted',
  'Results First Posted',
  'Last Update Posted',
  'Locations',
] as const;

/**
 * The columns the classic and v2 exports share under the same header: "Other IDs" (the first is the org study
 * id), the six date columns and "Locations" (country only, see countryOf).
 */
export function applySharedColumns(s: Study, row: CsvRow, prov: Provenance): void {
  const ids = pipes(row['Other IDs']);
  s.orgStudyId = ids[0] ?? null;
  s.secondaryIds = ids.slice(1).map((id) => ({ id, type: null, domain: null, registry: null }));

  s.startDate = date(prov, 'Start Date', row['Start Date']);
  s.primaryCompletionDate = date(prov, 'Primary Completion Date', row['Primary Completion Date']);
  s.completionDate = date(prov, 'Completion Date', row['Completion Date']);
  s.firstPostedDate = date(prov, 'First Posted', row['First Posted']);
  s.resultsFirstPostedDate = date(prov, 'Results First Posted', row['Results First Posted']);
  s.lastUpdatePostedDate = date(prov, 'Last Update Posted', row['Last Update Posted']);

  s.locations = pipes(row['Locations']).map((l) => ({
    facility: null,
    city: null,
    state: null,
    country: countryOf(l),
    geoPoint: null,
  }));
}
