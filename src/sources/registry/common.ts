/**
 * Pieces every registry mapper shares: the trial id check, secondary ids from free text, the single free-text
 * intervention field mapped onto Study interventions (so the classifier reads it like a ClinicalTrials.gov
 * intervention list), outcomes, eligibility text and dates with a clear error.
 */
import { DateParseError } from '../../model/dates.js';
import { findRegistrationIds, parseRegistrationId, type RegistrationId } from '../../model/registries.js';
import type {
  Intervention,
  Outcome,
  PartialDate,
  Provenance,
  SecondaryId,
  Study,
} from '../../model/study.js';
import { emptyStudy } from '../../model/study.js';
import { lookup } from '../../model/vocab.js';
import { fail } from '../map-util.js';
import { clean, isNil, oneLine, parseLooseDate, REGISTRY_INTERVENTION_TYPE, splitList } from './normalize.js';

/**
 * A Study for a registration whose id is `text`: the id must be a registration number of a known registry
 * (its canonical form becomes the trial id); `expected` (when given) is the registry the record claims.
 */
export function registryStudy(
  prov: Provenance,
  field: string,
  text: string | null,
  expected?: string | null,
): Study {
  const t = clean(text);
  if (t === null) return fail(prov, field, 'record has no trial id');
  const id = parseRegistrationId(t);
  if (id === null) return fail(prov, field, `"${t}" is not a registration number of a known registry`);
  const registry =
    expected && expected !== id.registry && !compatible(expected, id.registry) ? expected : id.registry;
  return emptyStudy(id.id, prov, registry);
}

/** JPRN is the network of jRCT, UMIN-CTR, JapicCTI and JMACCT: its member numbers are JPRN registrations. */
const compatible = (a: string, b: string): boolean => {
  const jprn = new Set(['jprn', 'jrct', 'umin', 'japiccti', 'jmacct']);
  return jprn.has(a) && jprn.has(b);
};

/** A date field; a value that is no date is an InputError naming the field. */
export function dateField(
  prov: Provenance,
  field: string,
  v: string | null | undefined,
  type: PartialDate['type'] = null,
): PartialDate | null {
  try {
    return parseLooseDate(clean(v), type);
  } catch (e) {
    if (e instanceof DateParseError) return fail(prov, field, e.message);
    throw e;
  }
}

/** Secondary ids from free text: every registration number named (typed), else the text itself as one id. */
export function secondaryIdsFrom(texts: Iterable<string | null | undefined>, own: string): SecondaryId[] {
  const out: SecondaryId[] = [];
  const seen = new Set<string>([own]);
  for (const raw of texts) {
    const c = clean(raw);
    const t = c === null ? null : oneLine(c);
    if (t === null || isNil(t)) continue;
    const found: RegistrationId[] = findRegistrationIds(t);
    if (found.length === 0) {
      if (!seen.has(t)) out.push({ id: t, type: null, domain: null, registry: null });
      seen.add(t);
      continue;
    }
    for (const f of found) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ id: f.id, type: 'REGISTRY', domain: null, registry: f.registry });
    }
  }
  return out;
}

const TYPED = /^([A-Za-z][A-Za-z /-]{1,30}?)\s*:\s*(.+)$/s;

/**
 * The single free-text intervention field of ICTRP/ChiCTR ("Drug: arbidol;Drug: placebo", "Experimental
 * group:MSC infusion;Control group:standard care;") as Study interventions: a registry intervention type
 * prefix becomes the type; any other "label: text" keeps the label as the arm it belongs to; "none" entries
 * are dropped. Free text without separators is one intervention.
 */
export function freeTextInterventions(text: string | null | undefined): Intervention[] {
  const out: Intervention[] = [];
  for (const part of splitList(text)) {
    const m = TYPED.exec(part);
    if (m) {
      const label = m[1]!.trim();
      const rest = m[2]!.trim();
      const type = REGISTRY_INTERVENTION_TYPE[label.toLowerCase()];
      if (isNil(rest)) continue;
      if (type !== undefined) out.push(intervention(rest, type, []));
      else if (/\b(name|code|inn|product)\b/i.test(label)) out.push(intervention(part, null, []));
      else out.push(intervention(rest, null, [label]));
    } else out.push(intervention(part, null, []));
  }
  return out;
}

export function intervention(
  name: string,
  type: string | null,
  arms: string[],
  description: string | null = null,
): Intervention {
  return { type, name, description, otherNames: [], armGroupLabels: arms };
}

/** Intervention type from ANZCTR's "Treatment: Drugs" style codes. */
export function interventionType(code: string | null): string | null {
  const c = clean(code);
  if (c === null) return null;
  const kind = c.replace(/^[A-Za-z ]+:\s*/, '');
  return lookup(REGISTRY_INTERVENTION_TYPE, kind);
}

export function outcomesFrom(
  items: Iterable<{ measure: string | null; timeFrame?: string | null }>,
): Outcome[] {
  const out: Outcome[] = [];
  for (const it of items) {
    const m = clean(it.measure);
    if (m === null || isNil(m)) continue;
    out.push({ measure: m, description: null, timeFrame: clean(it.timeFrame ?? null) });
  }
  return out;
}

/** Inclusion and exclusion text as one criteria text (each labelled once). */
export function criteriaText(inclusion: string | null, exclusion: string | null): string | null {
  const inc = clean(inclusion);
  const exc = clean(exclusion);
  const parts: string[] = [];
  if (inc !== null) parts.push(/^inclusion/i.test(inc) ? inc : `Inclusion criteria:\n${inc}`);
  if (exc !== null) parts.push(/^exclusion/i.test(exc) ? exc : `Exclusion criteria:\n${exc}`);
  return parts.length > 0 ? parts.join('\n\n') : null;
}

/** Locations that only name countries. */
export function countryLocations(countries: string[]): Study['locations'] {
  return countries.map((country) => ({ facility: null, city: null, state: null, country, geoPoint: null }));
}

/** Remove the keys whose names say they hold a person's contact details (names, e-mails, phones, addresses). */
export function withoutContacts<T>(v: T, isContact: (key: string) => boolean): T {
  if (Array.isArray(v)) return v.map((x) => withoutContacts(x, isContact)) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (!isContact(k)) out[k] = withoutContacts(x, isContact);
  }
  return out as T;
}
