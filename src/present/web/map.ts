/** World map of trials per country: world-atlas 110m (bundled) -> GeoJSON with topojson-client -> vega-lite geoshape. */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import COUNTRY_NAMES from './countries.json' with { type: 'json' };
import type { MetricRow } from './api.js';

const NAMES = COUNTRY_NAMES as Record<string, string>;

export const atlasFeatures = (() => {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  return fc.features.filter((f) => f.properties?.name !== 'Antarctica');
})();

const ATLAS_NAMES = new Set(atlasFeatures.map((f) => f.properties?.name ?? ''));

/** Registry country name -> atlas name, or null when the atlas has no such country. */
export function atlasName(registry: string): string | null {
  const n = NAMES[registry] ?? registry;
  return ATLAS_NAMES.has(n) ? n : null;
}

export interface CountryCount {
  atlas: string;
  registry: string;
  count: number;
}

/** Country rows of the trialsByCountry metric split into those drawn on the map and those that cannot be. */
export function placeCountries(rows: readonly MetricRow[]): {
  mapped: CountryCount[];
  unmapped: MetricRow[];
} {
  const mapped = new Map<string, CountryCount>();
  const unmapped: MetricRow[] = [];
  for (const r of rows) {
    if (r.key === '(no location)') continue;
    const a = atlasName(r.key);
    if (!a) {
      unmapped.push(r);
      continue;
    }
    const prev = mapped.get(a);
    if (prev) prev.count += r.count;
    else mapped.set(a, { atlas: a, registry: r.key, count: r.count });
  }
  return { mapped: [...mapped.values()], unmapped };
}
