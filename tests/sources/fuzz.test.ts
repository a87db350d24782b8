/**
 * Property-based fuzzing: whatever bytes reach a reader, the only allowed outcomes are StudyRecords that fit
 * the schema or a single InputError — never another exception type, never a hang (vitest's timeout).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { StudySchema } from '../../src/model/study.js';
import { classicRecord, fixture, fixtureText, readAll, tmpFile, zip } from './helpers.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

async function outcome(content: string | Uint8Array): Promise<'records' | 'input-error'> {
  const p = tmpFile(content);
  try {
    const recs = await readAll(p);
    for (const r of recs) expect(StudySchema.safeParse(r.study).success).toBe(true);
    return 'records';
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.message.startsWith(p)).toBe(true);
      return 'input-error';
    }
    throw e;
  }
}

/** Text edits: delete a range, insert a string, or duplicate a range. */
const edit = (len: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(len), n: fc.integer({ min: 1, max: 20 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(len),
      s: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('"', ',', '{', '}', '[', ']', '\n', '|', '\\', ':', 'null', '-1', '\u00e9'),
      ),
    }),
    fc.record({ kind: fc.constant('dup' as const), at: fc.nat(len), n: fc.integer({ min: 1, max: 40 }) }),
  );

type Edit =
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'dup'; at: number; n: number };

function apply(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.min(e.at, t.length);
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.n);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.s + t.slice(at);
    else t = t.slice(0, at) + t.slice(at, at + e.n) + t.slice(at);
  }
  return t;
}

const mutatedText = (text: string) =>
  fc.array(edit(text.length), { minLength: 1, maxLength: 4 }).map((edits) => apply(text, edits));

/** Replace the value at a random path of a JSON object with an arbitrary JSON value. */
function paths(
  v: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]!] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const RUNS = { numRuns: 60 };

describe('fuzz: only StudyRecords or InputError', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (b) => void (await outcome(b))),
      { numRuns: 150 },
    );
  });

  it('arbitrary text (JSON-ish and CSV-ish prefixes)', async () => {
    const prefixes = fc.constantFrom(
      '',
      '{',
      '[',
      '{"studies":',
      '"NCT Number","Title","Status"\n',
      'NCT Number,Study Title,Study Status\n',
      '<',
    );
    await fc.assert(
      fc.asyncProperty(prefixes, fc.string({ maxLength: 200 }), async (p, s) => void (await outcome(p + s))),
      { numRuns: 150 },
    );
  });

  it('mutated v2 JSON text', async () => {
    const text = fixtureText('v2-study.json');
    await fc.assert(
      fc.asyncProperty(mutatedText(text), async (t) => void (await outcome(t))),
      RUNS,
    );
  });

  it('mutated classic full-study JSON text', async () => {
    const text = fixtureText('classic-full.json');
    await fc.assert(
      fc.asyncProperty(mutatedText(text), async (t) => void (await outcome(t))),
      RUNS,
    );
  });

  it('mutated classic NDJSON text', async () => {
    const text = [
      classicRecord({ LocationCountry: ['France'], LocationCity: ['Paris'] }),
      classicRecord({ NCTId: ['NCT09000011'] }),
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    await fc.assert(
      fc.asyncProperty(mutatedText(text), async (t) => void (await outcome(t))),
      RUNS,
    );
  });

  it('mutated CSV text (classic and v2)', async () => {
    for (const name of ['classic-export.csv', 'v2-export.csv']) {
      const text = fixtureText(name);
      await fc.assert(
        fc.asyncProperty(mutatedText(text), async (t) => void (await outcome(t))),
        RUNS,
      );
    }
  });

  it('arbitrary JSON values at arbitrary places of valid records', async () => {
    const v2 = JSON.parse(fixtureText('v2-study.json')) as unknown;
    const v2Paths = paths(v2);
    const classic = classicRecord({ LocationCountry: ['Chile'], InterventionName: ['MSC'] });
    const classicPaths = paths(classic);
    const full = JSON.parse(readFileSync(fixture('classic-full.json'), 'utf8')) as unknown;
    const fullPaths = paths(full);
    const cases = fc.oneof(
      fc.tuple(fc.constant(v2), fc.constantFrom(...v2Paths), fc.jsonValue({ maxDepth: 2 })),
      fc.tuple(
        fc.constant(classic as unknown),
        fc.constantFrom(...classicPaths),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      fc.tuple(fc.constant(full), fc.constantFrom(...fullPaths), fc.jsonValue({ maxDepth: 2 })),
    );
    await fc.assert(
      fc.asyncProperty(
        cases,
        async ([root, path, value]) => void (await outcome(JSON.stringify(setAt(root, path, value)))),
      ),
      { numRuns: 300 },
    );
  });

  it('mutated registry exports (ICTRP XML/CSV, ANZCTR, ChiCTR, EUCTR, CTIS)', async () => {
    const dir = join(dirname(fixture('x')), '..', 'registries');
    for (const name of [
      'ictrp.xml',
      'ictrp.csv',
      'anzctr.xml',
      'anzctr-ctgov.xml',
      'chictr.xml',
      'euctr.txt',
      'ctis.json',
    ]) {
      const text = readFileSync(join(dir, name), 'utf8');
      await fc.assert(
        fc.asyncProperty(mutatedText(text), async (t) => void (await outcome(t))),
        { numRuns: 40 },
      );
    }
  });

  it('arbitrary text after registry headers', async () => {
    const prefixes = fc.constantFrom(
      '<Trials_downloaded_from_ICTRP><Trial><TrialID>',
      '<ANZCTR_Trial><actrnumber>ACTRN12616000338460</actrnumber>',
      '<trials><Triall><main><trial_id>ChiCTR2000034346</trial_id>',
      'Summary\nEudraCT Number: 2021-002179-21\n',
      'TrialID,Source Register,Public title\n',
      '{"ctNumber":"2025-523333-26-00","ctStatus":',
    );
    await fc.assert(
      fc.asyncProperty(prefixes, fc.string({ maxLength: 200 }), async (p, s) => void (await outcome(p + s))),
      { numRuns: 150 },
    );
  });

  it('mutated zip archives', async () => {
    const archive = zip({
      'a.json': fixtureText('v2-study.json'),
      'b.csv': fixtureText('classic-export.csv'),
    });
    const flips = fc.array(fc.tuple(fc.nat(archive.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(flips, async (fl) => {
        const b = Buffer.from(archive);
        for (const [i, v] of fl) b[i] = v;
        await outcome(b);
      }),
      { numRuns: 80 },
    );
  });
});
