/**
 * Colour-blind-safe palettes. Categories: Paul Tol's "muted" scheme (9 colours distinguishable under the common
 * colour-vision deficiencies); catch-all keys (unspecified / other / unknown) are always neutral greys so they do
 * not compete with real categories. Single-series charts use one Okabe-Ito blue.
 */
export const CATEGORY_COLOURS = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
];
export const SINGLE_COLOUR = '#0072B2';
export const SECOND_COLOUR = '#E69F00';

/** Fixed colours for catch-all keys. */
export const NEUTRAL: Readonly<Record<string, string>> = {
  unspecified: '#BBBBBB',
  unknown: '#BBBBBB',
  none: '#BBBBBB',
  other: '#888888',
  '(no location)': '#BBBBBB',
  NONE: '#BBBBBB',
  // display names of the same keys (charts colour by display name)
  'Not stated': '#BBBBBB',
  'None stated': '#BBBBBB',
  'No phase given': '#BBBBBB',
  Other: '#888888',
};

/** A vega-lite scale mapping each domain value to a colour: neutrals for catch-alls, the palette for the rest. */
export function colourScale(domain: readonly string[]): { domain: string[]; range: string[] } {
  let i = 0;
  const range = domain.map(
    (d) =>
      NEUTRAL[d] ?? NEUTRAL[d.replace(/ \(.*\)$/, '')] ?? CATEGORY_COLOURS[i++ % CATEGORY_COLOURS.length]!,
  );
  return { domain: [...domain], range };
}
