/**
 * Issue 16: a fuzz test over every reader, with a fixed seed (the same cases on every run, in CI in well under a
 * minute). Each reader in READERS gives a valid input (`seed`) and inputs that carry one bad value each (`bad`).
 *   - mutated seeds and arbitrary bytes: only schema-valid StudyRecords or ONE InputError naming the file, never
 *     another exception (a crash) and never more than HANG_MS (a hang);
 *   - every bad input: an InputError (reading it without one is a silent acceptance).
 * A new reader (another registry's format) is one more entry in READERS. MSCOPE_FUZZ_STATS=1 prints the counts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { StudySchema } from '../../src/model/study.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/shared.js';
import { classicRecord, fixtureText, readAll, tmpFile } from '../sources/helpers.js';

export const SEED = 20261206;
const HANG_MS = 10_000;
const FUTURE = `${new Date().getUTCFullYear() + 3}-01-15`;
const BAD_COUNTS = ['-5', '-1', '0x10', '1e9', '0b101', '+3'];
const BAD_TEXT = ['MSC\u0000 trial', 'MSC \ud800 trial'];

interface Reader {
  name: string;
  /** A valid input of this format. */
  seed: string;
  /** Inputs with one bad value each (what: the value). */
  bad: Array<{ what: string; content: string }>;
}

const v2 = JSON.parse(fixtureText('v2-study.json')) as {
  protocolSection: Record<string, Record<string, unknown>>;
};
const v2With = (f: (ps: Record<string, Record<string, unknown>>) => void): string => {
  const c = structuredClone(v2);
  f(c.protocolSection);
  return JSON.stringify(c);
};
const classicText = (over: Record<string, unknown>) => JSON.stringify(classicRecord(over));
const full = fixtureText('classic-full.json');

/** The first data row of a CSV fixture with one column replaced (the column's index found in the header). */
function csvWith(name: string, column: string, value: string): string {
  const [header, row] = fixtureText(name).split('\n');
  const cols = header!.split(',');
  const i = cols.indexOf(column);
  const cells = row!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  cells[i] = `"${value.replace(/"/g, '""')}"`;
  return `${header}\n${cells.slice(0, cols.length).join(',')}\n`;
}

export const READERS: Reader[] = [
  {
    name: 'ctgov-v2-json',
    seed: fixtureText('v2-study.json'),
    bad: [
      ...[...BAD_COUNTS, -5, 1e9, 2.5].map((v) => ({
        what: `enrollment ${JSON.stringify(v)}`,
        content: v2With((ps) => (ps.designModule!.enrollmentInfo = { count: v })),
      })),
      ...BAD_TEXT.map((t) => ({
        what: `title ${JSON.stringify(t)}`,
        content: v2With((ps) => (ps.identificationModule!.briefTitle = t)),
      })),
      {
        what: 'two NCT ids',
        content: v2With((ps) => (ps.identificationModule!.nctId = 'NCT09000001 NCT09000002')),
      },
      {
        what: 'future last update',
        content: v2With((ps) => (ps.statusModule!.lastUpdatePostDateStruct = { date: FUTURE })),
      },
      {
        what: 'misspelt briefTitle',
        content: v2With((ps) => {
          const { briefTitle, ...rest } = ps.identificationModule!;
          ps.identificationModule = { ...rest, briefTitel: briefTitle };
        }),
      },
      { what: 'empty list', content: '[]' },
      { what: 'empty page', content: '{"studies":[],"totalCount":0}' },
    ],
  },
  {
    name: 'ctgov-classic-fields',
    seed: [classicRecord(), classicRecord({ NCTId: ['NCT09000011'] })]
      .map((r) => JSON.stringify(r))
      .join('\n'),
    bad: [
      ...BAD_COUNTS.map((v) => ({ what: `enrollment ${v}`, content: classicText({ EnrollmentCount: [v] }) })),
      ...BAD_TEXT.map((t) => ({
        what: `title ${JSON.stringify(t)}`,
        content: classicText({ BriefTitle: [t] }),
      })),
      { what: 'two NCT ids', content: classicText({ NCTId: ['NCT09000010', 'NCT09000012'] }) },
      { what: 'future first posted', content: classicText({ StudyFirstPostDate: [FUTURE] }) },
      {
        what: 'misspelt EnrollmentCount',
        content: JSON.stringify({ ...classicRecord({ EnrollmentCount: undefined }), EnrolmentCount: ['20'] }),
      },
    ],
  },
  {
    name: 'ctgov-classic-full',
    seed: full,
    bad: [
      ...BAD_COUNTS.map((v) => ({
        what: `enrollment ${v}`,
        content: full.replace('"EnrollmentCount": "30"', `"EnrollmentCount": ${JSON.stringify(v)}`),
      })),
      ...BAD_TEXT.map((t) => ({
        what: `title ${JSON.stringify(t)}`,
        content: full.replace(
          '"BriefTitle": "Bone Marrow MSC in Heart Failure (fixture)"',
          `"BriefTitle": ${JSON.stringify(t)}`,
        ),
      })),
      { what: 'future last update', content: full.replace('"March 5, 2021"', `"${FUTURE}"`) },
    ],
  },
  ...(['classic-export.csv', 'v2-export.csv'] as const).map((name) => {
    const title = name.startsWith('classic') ? 'Title' : 'Study Title';
    return {
      name: name.startsWith('classic') ? 'ctgov-classic-csv' : 'ctgov-v2-csv',
      seed: fixtureText(name),
      bad: [
        ...BAD_COUNTS.map((v) => ({ what: `enrollment ${v}`, content: csvWith(name, 'Enrollment', v) })),
        // (a lone surrogate cannot be written to a UTF-8 file: it arrives as U+FFFD, a valid character)
        { what: 'title with NUL', content: csvWith(name, title, BAD_TEXT[0]!) },
        { what: 'two NCT ids', content: csvWith(name, 'NCT Number', 'NCT09000001, NCT09000002') },
        { what: 'future last update', content: csvWith(name, 'Last Update Posted', FUTURE) },
        { what: 'header only', content: `${fixtureText(name).split('\n')[0]}\n` },
      ],
    };
  }),
  // the other registries' readers (their bad-value lists are still to write)
  ...['anzctr.xml', 'chictr.xml', 'ctis.json', 'euctr.txt', 'ictrp.csv', 'ictrp.xml'].map((f) => ({
    name: `registry ${f}`,
    seed: readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'registries', f), 'utf8'),
    bad: [] as Reader['bad'],
  })),
];

const stats = {
  cases: 0,
  records: 0,
  inputErrors: 0,
  crashes: 0,
  hangs: 0,
  badInputs: 0,
  silentAcceptances: 0,
};

type Outcome = 'records' | 'input-error' | 'crash' | 'hang';

async function outcome(content: string | Uint8Array): Promise<{ kind: Outcome; detail: string }> {
  stats.cases++;
  const file = tmpFile(content);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), HANG_MS)));
  try {
    const got = await Promise.race([readAll(file), hang]);
    if (got === 'hang') return (stats.hangs++, { kind: 'hang', detail: file });
    for (const r of got) {
      const ok = StudySchema.safeParse(r.study);
      if (!ok.success) return (stats.crashes++, { kind: 'crash', detail: `invalid Study from ${file}` });
    }
    stats.records++;
    return { kind: 'records', detail: '' };
  } catch (e) {
    if (e instanceof InputError && e.message.startsWith(file) && !e.message.includes('\n')) {
      stats.inputErrors++;
      return { kind: 'input-error', detail: e.message };
    }
    stats.crashes++;
    return { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Delete, insert or duplicate a few ranges of the text. */
function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.constantFrom('delete', 'insert', 'dup'),
    fc.nat(text.length),
    fc.integer({ min: 1, max: 30 }),
    fc.constantFrom('"', ',', '{', '}', '[', ']', '\n', '|', ':', 'null', '-1', '\u0000', '\ud800', '0x1'),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let t = text;
    for (const [kind, at0, n, s] of edits) {
      const at = Math.min(at0, t.length);
      if (kind === 'delete') t = t.slice(0, at) + t.slice(at + n);
      else if (kind === 'insert') t = t.slice(0, at) + s + t.slice(at);
      else t = t.slice(0, at) + t.slice(at, at + n) + t.slice(at);
    }
    return t;
  });
}

const PARAMS = { seed: SEED, numRuns: 40, endOnFailure: true } as const;

afterAll(() => {
  if (process.env.MSCOPE_FUZZ_STATS) process.stdout.write(`fuzz stats ${JSON.stringify(stats)}\n`);
});

describe.each(READERS)('fuzz $name (seed 20261206)', (reader) => {
  it('reads the seed', async () => {
    expect((await outcome(reader.seed)).kind).toBe('records');
  });

  it('mutated inputs give records or one InputError, never a crash or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(reader.seed), async (t) => {
        const o = await outcome(t);
        expect(['records', 'input-error'], o.detail).toContain(o.kind);
      }),
      PARAMS,
    );
  });

  it('every bad value is an InputError, never a silent acceptance', async () => {
    for (const b of reader.bad) {
      stats.badInputs++;
      const o = await outcome(b.content);
      if (o.kind === 'records') stats.silentAcceptances++;
      expect(o.kind, `${reader.name}: ${b.what}`).toBe('input-error');
    }
  });
});

describe('fuzz: arbitrary bytes (seed 20261206)', () => {
  it('give records or one InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (b) => {
        const o = await outcome(b);
        expect(['records', 'input-error'], o.detail).toContain(o.kind);
      }),
      { ...PARAMS, numRuns: 100 },
    );
  });
});
