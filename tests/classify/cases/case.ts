/**
 * One classifier case table per label family (tests/classify/cases/<family>.ts), run by tests/classify/cases.test.ts.
 *
 * A case is a class of wording the GUIDELINE decides, written as invented text (never a corpus record): the fixture,
 * the expected values, and the expected screening reason and family reason codes (`reasons`) where they matter. Every case is also checked for valid
 * labels and evidence spans that really occur in the fixture (classifyChecked).
 */
import type { Labels } from '../../../src/model/labels.js';
import type { Fixture } from '../make.js';

/** The label fields a case may assert. Set-valued fields (sources, routes, modifications) compare as sets. */
export type Expected = Partial<
  Pick<
    Labels,
    | 'category'
    | 'included'
    | 'screeningReason'
    | 'sources'
    | 'donor'
    | 'modifications'
    | 'biomaterial'
    | 'routes'
    | 'covid19'
    | 'specialty'
  >
> & {
  /** The canonical product the study names (e.g. "remestemcel-L"), or null for none. */
  product?: string | null;
  /** Reason codes of the families the case is about (FAMILY_REASONS), next to their expected values. */
  reasons?: Partial<NonNullable<Labels['reasons']>>;
  /** Per-field confidence, where the case is about confidence. */
  confidence?: Partial<NonNullable<Labels['confidence']>>;
  /** Values a set must hold, where the guideline decides only part of the set. */
  contains?: SetFields;
  /** Values a set must not hold (e.g. the route of a comparator), where the rest of the set is not decided. */
  lacks?: SetFields;
  /** Where the guideline allows more than one value: the label is one of these. */
  oneOf?: { category?: ReadonlyArray<Labels['category']> };
};

/** The set-valued label fields. */
export type SetFields = Partial<Pick<Labels, 'sources' | 'routes' | 'modifications'>>;

export interface LabelCase {
  /** The class of wording, said so a reader knows what rule it holds (it is the test's name). */
  name: string;
  /** The guideline rule or section that decides it (quoted briefly or named), when not obvious. */
  guideline?: string;
  study: Fixture;
  expect: Expected;
}

export type CaseTable = readonly LabelCase[];

/**
 * Fixture builders shared by the case tables: an invented study whose one intervention is named "Mesenchymal stromal
 * cells", with the wording under test in the intervention's description (`study`) or in the study's own description
 * (`described`).
 */
export const study = (title: string, description: string, conditions: string[]) => ({
  title,
  interventions: [{ name: 'Mesenchymal stromal cells', description }],
  conditions,
});

export const described = (title: string, description: string, conditions: string[]) => ({
  title,
  description,
  interventions: [{ name: 'Mesenchymal stromal cells' }],
  conditions,
});
