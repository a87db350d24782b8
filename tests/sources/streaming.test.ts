/**
 * The streaming paths against the in-memory ones: whatever the chunking, the streamed JSON reader and the
 * NDJSON line splitter yield exactly what a whole-text parse yields, and mutated input still only gives
 * StudyRecords or an InputError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import type { StudyRecord } from '../../src/model/record.js';
import { readJsonDocument, readJsonStream, readNdjson } from '../../src/sources/json.js';
import { newContext } from '../../src/sources/records.js';
import { classicRecord, fixtureJson, fixtureText } from './helpers.js';

async function* chunked(text: string, cuts: number[]): AsyncGenerator<string> {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of points) {
    yield text.slice(from, p);
    from = p;
  }
  yield text.slice(from);
}

async function collect(it: AsyncIterable<StudyRecord> | Iterable<StudyRecord>): Promise<StudyRecord[]> {
  const out: StudyRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

const ids = (rs: StudyRecord[]): string[] => rs.map((r) => `${r.study.nctId}#${r.study.provenance.record}`);

function v2(id: string): Record<string, unknown> {
  const s = fixtureJson('v2-study.json');
  (s.protocolSection as { identificationModule: { nctId: string } }).identificationModule.nctId = id;
  return s;
}

const DOCS: Record<string, string> = {
  page: JSON.stringify(
    { totalCount: 2, studies: [v2('NCT09000401'), v2('NCT09000402')], nextPageToken: 't' },
    null,
    2,
  ),
  array: JSON.stringify([v2('NCT09000403'), v2('NCT09000404')]),
  single: fixtureText('v2-study.json'),
  fields: JSON.stringify({
    StudyFieldsResponse: {
      DataVrs: 'v',
      StudyFields: [classicRecord(), classicRecord({ NCTId: ['NCT09000405'] })],
    },
  }),
  full: fixtureText('classic-full.json'),
};

describe('streamed JSON equals whole-text JSON', () => {
  for (const [name, text] of Object.entries(DOCS)) {
    it(`${name}, any chunking`, async () => {
      const whole = await collect(readJsonDocument(text, newContext('f', 'now')));
      expect(whole.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
          const streamed = await collect(readJsonStream(chunked(text, cuts), newContext('f', 'now')));
          expect(ids(streamed)).toEqual(ids(whole));
          expect(streamed.map((r) => r.study)).toEqual(whole.map((r) => r.study));
          expect(streamed.map((r) => r.raw)).toEqual(whole.map((r) => r.raw));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('mutated documents: records or InputError only', async () => {
    const text = DOCS.page!;
    const arb = fc.tuple(
      fc.nat(text.length),
      fc.integer({ min: 0, max: 30 }),
      fc.string({ maxLength: 4 }),
      fc.array(fc.nat(), { maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([at, del, ins, cuts]) => {
        const t = text.slice(0, at) + ins + text.slice(at + del);
        try {
          await collect(readJsonStream(chunked(t, cuts), newContext('f', 'now')));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('NDJSON line splitting', () => {
  it('is independent of chunk boundaries (CRLF, blank lines, no final newline)', async () => {
    const lines = [
      classicRecord(),
      classicRecord({ NCTId: ['NCT09000406'], BriefTitle: ['é 🧬'] }),
      v2('NCT09000407'),
    ].map((r) => JSON.stringify(r));
    const text = `${lines[0]}\r\n\n${lines[1]}\n  \n${lines[2]}`;
    const whole = await collect(readNdjson(chunked(text, []), newContext('f', 'now')));
    expect(whole.map((r) => r.study.nctId)).toEqual(['NCT09000010', 'NCT09000406', 'NCT09000407']);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 20 }), async (cuts) => {
        const got = await collect(readNdjson(chunked(text, cuts), newContext('f', 'now')));
        expect(got.map((r) => r.study)).toEqual(whole.map((r) => r.study));
      }),
      { numRuns: 60 },
    );
  });
});
