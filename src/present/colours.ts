/**
 * One colour per value, everywhere: the report's figures and the dashboard's charts both colour a value of a
 * dimension (tissue source, donor, product form, specialty, modification, COVID-19, registry) from the tables below, so
 * "umbilical cord" is the same teal in every chart, whatever the filter, the year range or the other values
 * present. Colours are keyed by the stored value (`umbilical_cord`), not by its display name.
 *
 * Palette: Paul Tol's "muted" scheme (9 colours distinguishable under the common colour-vision deficiencies)
 * first, then Tol's "light" scheme for the rarer values; catch-all values (not stated / other / none) are
 * neutral greys so they never compete with real categories. Pure data and functions: no Node or DOM imports
 * (the dashboard bundle imports this file).
 */

export const MUTED = [
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
] as const;
export const LIGHT = ['#EE8866', '#77AADD', '#FFAABB', '#BBCC33', '#EEDD88', '#99DDFF'] as const;

/** Single-series charts (no colour dimension): one Okabe-Ito blue; a second series in Okabe-Ito orange. */
export const SINGLE_COLOUR = '#0072B2';
export const SECOND_COLOUR = '#E69F00';
/** Fallback for a value no table knows (a vocabulary value added later): visible, but not a palette colour. */
export const UNKNOWN_VALUE_COLOUR = '#555555';

const NOT_STATED = '#BBBBBB';
const OTHER = '#888888';

/** Catch-all keys of every dimension. */
export const NEUTRAL: Readonly<Record<string, string>> = {
  unspecified: NOT_STATED,
  unknown: NOT_STATED,
  none: NOT_STATED,
  NONE: NOT_STATED,
  '(no location)': NOT_STATED,
  other: OTHER,
};

export type ColourDimension =
  'source' | 'donor' | 'productForm' | 'specialty' | 'modification' | 'covid19' | 'registry';

/** value -> colour, per dimension (data, not code). Catch-alls come from NEUTRAL. */
export const COLOURS: Readonly<Record<ColourDimension, Readonly<Record<string, string>>>> = {
  source: {
    bone_marrow: MUTED[0],
    adipose: MUTED[1],
    umbilical_cord: MUTED[2],
    multiple: MUTED[3],
    cord_blood: MUTED[4],
    dental: MUTED[5],
    placenta_amnion: MUTED[6],
    other_tissue: MUTED[7],
    endometrial_menstrual: MUTED[8],
    peripheral_blood: LIGHT[0],
    pluripotent_derived: LIGHT[1],
    synovial: LIGHT[2],
  },
  donor: { allogeneic: MUTED[0], autologous: MUTED[1], both: MUTED[2] },
  productForm: { cells: MUTED[0], mixture: MUTED[1], derived: MUTED[2] },
  specialty: {
    musculoskeletal: MUTED[0],
    neurology: MUTED[1],
    pneumology: MUTED[2],
    cardiovascular: MUTED[3],
    dermatology_wound: MUTED[4],
    hematology_transplant: MUTED[5],
    hepatology: MUTED[6],
    nephrology_urology: MUTED[7],
    gastroenterology: MUTED[8],
    immunology_rheumatology: LIGHT[0],
    endocrinology: LIGHT[1],
    reproductive: LIGHT[2],
    ophthalmology: LIGHT[3],
    oncology: LIGHT[4],
  },
  modification: { genetically_modified: MUTED[0], primed: MUTED[1], differentiated: MUTED[2] },
  covid19: { 'COVID-19': MUTED[0] },
  // registries (rules/registries.json ids), the ones holding most MSC trials first
  registry: {
    ctgov: MUTED[0],
    chictr: MUTED[6],
    anzctr: MUTED[2],
    euctr: MUTED[1],
    ctis: MUTED[3],
    irct: MUTED[4],
    jprn: MUTED[5],
    cris: MUTED[7],
    drks: MUTED[8],
    isrctn: LIGHT[0],
    ntr: LIGHT[1],
    tctr: LIGHT[2],
    ctri: LIGHT[3],
    jrct: LIGHT[4],
    umin: LIGHT[5],
  },
};

/** The colour of one stored value of a dimension. */
export function colourOf(dim: ColourDimension, key: string): string {
  return COLOURS[dim][key] ?? NEUTRAL[key] ?? UNKNOWN_VALUE_COLOUR;
}

/**
 * A vega-lite colour scale for a chart whose marks carry display names: `keys` are the stored values shown, in
 * legend order, `name` turns one into its display name. The same key always gets the same colour.
 */
export function colourScaleFor(
  dim: ColourDimension,
  keys: readonly string[],
  name: (key: string) => string = (k) => k,
): { domain: string[]; range: string[] } {
  return { domain: keys.map(name), range: keys.map((k) => colourOf(dim, k)) };
}

/** Which colour dimension a metric table's value column is, by the table's dimension name (metrics `dims`). */
export const COLOUR_DIMENSION_OF: Readonly<Record<string, ColourDimension>> = {
  source: 'source',
  sourceGroup: 'source',
  donor: 'donor',
  productForm: 'productForm',
  specialty: 'specialty',
  modification: 'modification',
  covid19: 'covid19',
  registry: 'registry',
};

/** Every year from the first to the last of `years` (strings like "2004"; non-years ignored), in order. */
export function continuousYears(years: Iterable<string>): string[] {
  const ys = [...years].filter((y) => /^\d{4}$/.test(y)).map(Number);
  if (ys.length === 0) return [];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i));
}
