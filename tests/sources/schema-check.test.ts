/**
 * The compiled yes-check of a zod schema (sources/schema-check.ts) that lets `validated` skip zod's parse: for the
 * Study schema it answers exactly what zod answers (whatever a field is changed to), so a record passes or fails as
 * before and a failure still gets zod's message; the studies every reader maps take the fast path; a schema part the
 * compiler does not know makes it answer false (zod then decides).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StudySchema, type Study } from '../../src/model/study.js';
import { readStudies } from '../../src/sources/index.js';
import { fitsSchema } from '../../src/sources/schema-check.js';
import { FIXTURES } from './helpers.js';

const REGISTRIES = join(FIXTURES, '..', 'registries');
const FILES = [
  join(FIXTURES, 'v2-study.json'),
  join(FIXTURES, 'classic-full.json'),
  join(FIXTURES, 'classic-export.csv'),
  join(FIXTURES, 'v2-export.csv'),
  join(REGISTRIES, 'anzctr.xml'),
  join(REGISTRIES, 'chictr.xml'),
  join(REGISTRIES, 'ctis.json'),
  join(REGISTRIES, 'euctr.txt'),
  join(REGISTRIES, 'ictrp.csv'),
  join(REGISTRIES, 'ictrp.xml'),
];

async function studies(): Promise<Study[]> {
  const out: Study[] = [];
  for (const f of FILES) for await (const r of readStudies(f)) out.push(r.study);
  return out;
}

const fitsStudy = fitsSchema(StudySchema);
const zodFits = (v: unknown): boolean => StudySchema.safeParse(v).success;

/** Every path to a value inside `v` (object keys and list indices), the root excluded. */
function paths(
  v: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  const entries: [string | number, unknown][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : typeof v === 'object' && v !== null
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    out.push([...at, k]);
    paths(x, [...at, k], out);
  }
  return out;
}

/** A deep copy of `v` with the value at `path` replaced (or deleted when `value` is DELETE). */
const DELETE = Symbol('delete');
function changed(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) delete o[last];
  else o[last] = value;
  return copy;
}

const VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  '',
  'x',
  'NCT0123456',
  'NCT01234567',
  'ACTRN12620000123456',
  '2021',
  '2021-07',
  '2021-07-14',
  '2021-7-14',
  'day',
  'ACTUAL',
  'parent',
  'ctgov-v2-json',
  0,
  -3,
  1.5,
  2 ** 53,
  NaN,
  Infinity,
  true,
  false,
  [],
  ['x'],
  [1],
  {},
  { value: '2021', precision: 'year', type: null },
  { name: 'x', class: null },
];

describe('fitsSchema (the Study schema)', () => {
  it('passes every study the readers map, as zod does', async () => {
    const all = await studies();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const s of all) {
      expect(zodFits(s)).toBe(true);
      expect(fitsStudy(s)).toBe(true);
    }
  });

  it('answers what zod answers for a study with any one value changed or removed', async () => {
    const all = await studies();
    const cases = all.map((s) => ({ s, paths: paths(s) }));
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.nat(), fc.constantFrom(...VALUES), (which, at, value) => {
        const { s, paths: ps } = cases[which]!;
        const v = changed(s, ps[at % ps.length]!, value);
        expect(fitsStudy(v)).toBe(zodFits(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers what zod answers for values that are no study at all', () => {
    for (const v of [null, undefined, 1, 'NCT01234567', [], {}, [{}]]) expect(fitsStudy(v)).toBe(zodFits(v));
  });
});

describe('fitsSchema (schema parts it does not know)', () => {
  it('is false for every value of a schema with an unknown check or type, so zod decides', () => {
    const unknown = [
      z.string().min(2),
      z.number().min(0),
      z.array(z.string()).min(1),
      z.union([z.string(), z.number()]),
      z.object({ a: z.string().optional() }),
      z.object({ a: z.string() }).catchall(z.number()),
      z.string().regex(/x/g),
    ];
    for (const s of unknown) {
      const fits = fitsSchema(s);
      for (const v of ['abc', 3, ['a'], { a: 'x' }, 'x']) expect(fits(v)).toBe(false);
    }
  });

  it('knows the parts the Study schema is made of', () => {
    const s = z.object({
      a: z.string().regex(/^a/),
      b: z.number().int().nullable(),
      c: z.array(z.enum(['x', 'y'])),
      d: z.boolean(),
      e: z.number(),
    });
    const fits = fitsSchema(s);
    const ok = { a: 'ab', b: null, c: ['x'], d: true, e: 1.5, extra: 1 };
    expect(fits(ok)).toBe(true);
    for (const bad of [
      { ...ok, a: 'b' },
      { ...ok, b: 1.5 },
      { ...ok, c: ['z'] },
      { ...ok, d: 'true' },
      { ...ok, e: Infinity },
    ]) {
      expect(fits(bad)).toBe(false);
      expect(s.safeParse(bad).success).toBe(false);
    }
  });
});
