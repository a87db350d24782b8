/// <reference types="vite/client" />
/**
 * The classifier's case tables: every tests/classify/cases/<family>.ts exports `cases` (a CaseTable); each case is
 * classified (with the label and evidence checks of classifyChecked) and every field it names is compared.
 * Set-valued fields compare as sets; `contains`/`lacks` check part of a set, `oneOf` a value among several, `reasons`
 * the reason codes of the families named. A new family file is picked up without registering it here.
 */
import { describe, expect, it } from 'vitest';
import type { Labels } from '../../src/model/labels.js';
import type { CaseTable, Expected, SetFields } from './cases/case.js';
import { classifyChecked } from './checked.js';

const tables = import.meta.glob('./cases/*.ts', { eager: true }) as Record<string, { cases: CaseTable }>;
const SETS = new Set(['sources', 'routes', 'modifications']);

function actual(l: Labels, key: keyof Expected): unknown {
  if (key === 'confidence') return l.confidence;
  const v = l[key as keyof Labels];
  return SETS.has(key) && Array.isArray(v) ? [...v].sort() : v;
}

const families = Object.entries(tables).filter(([path]) => !path.endsWith('/case.ts'));

describe('case tables', () => {
  it('at least one family table is present and each has cases', () => {
    expect(families.length).toBeGreaterThan(0);
    for (const [path, mod] of families) {
      expect(mod.cases.length, path).toBeGreaterThan(0);
      const names = mod.cases.map((c) => c.name);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        `${path}: duplicate case names`,
      ).toEqual([]);
    }
  });
});

for (const [path, mod] of families) {
  const family = path.replace(/^.*\/(.*)\.ts$/, '$1');
  describe(`cases: ${family}`, () => {
    for (const c of mod.cases) {
      it(c.name, () => {
        const l = classifyChecked(c.study);
        for (const key of Object.keys(c.expect) as Array<keyof Expected>) {
          const want = c.expect[key];
          if (key === 'confidence' || key === 'reasons') {
            expect(l[key], key).toMatchObject(want as object);
            continue;
          }
          if (key === 'contains' || key === 'lacks') {
            for (const [field, values] of Object.entries(want as SetFields)) {
              const got = l[field as keyof SetFields] as readonly string[];
              for (const v of values as readonly string[])
                expect(got.includes(v), `${field} ${key === 'contains' ? 'holds' : 'lacks'} ${v}`).toBe(
                  key === 'contains',
                );
            }
            continue;
          }
          if (key === 'oneOf') {
            for (const [field, values] of Object.entries(want as object))
              expect(values as unknown[], `${field} (reason ${l.screeningReason})`).toContain(
                l[field as keyof Labels],
              );
            continue;
          }
          const w = SETS.has(key) && Array.isArray(want) ? [...want].sort() : want;
          expect(actual(l, key), `${key} (reason ${l.screeningReason})`).toEqual(w);
        }
      });
    }
  });
}
