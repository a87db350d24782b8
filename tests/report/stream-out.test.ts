/**
 * The streamed report.json writer (present/stream-out.ts) writes exactly JSON.stringify(value, null, 2), in pieces:
 * nested objects and arrays, long arrays of ids (written in chunks), empty containers, values JSON leaves out or
 * writes as null, toJSON, non-ASCII text; and the file sink writes it to disk unchanged.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSink, writeJson } from '../../src/present/stream-out.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-stream-out-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function streamed(value: unknown): { text: string; pieces: number } {
  const parts: string[] = [];
  writeJson({ write: (s) => parts.push(s) }, value);
  return { text: parts.join(''), pieces: parts.length };
}

const ids = Array.from({ length: 10_000 }, (_, i) => `NCT${String(70_000_000 + i)}`);

const VALUES: Array<[string, unknown]> = [
  ['a primitive', 'x'],
  ['null', null],
  ['an empty object and array', { a: {}, b: [], c: [[]], d: [{}] }],
  [
    'report-like nesting',
    {
      generator: { name: 'mscope', version: '0.1.0' },
      filter: { included: true, country: ['China', 'Korea, Republic of'] },
      metrics: {
        tables: {
          phases: {
            id: 'phases',
            rows: [
              { key: 'PHASE2', keys: ['PHASE2'], count: 3, share: 0.5, nctIds: ids.slice(0, 3) },
              { key: 'NA', keys: ['NA'], count: 10_000, nctIds: ids },
            ],
          },
        },
        dose: { overall: null, byRoute: [], points: [{ nctId: null, value: 1e6, routes: ['iv'] }] },
      },
    },
  ],
  [
    'values JSON leaves out or writes as null',
    {
      u: undefined,
      f: () => 1,
      n: NaN,
      i: -Infinity,
      z: -0,
      arr: [undefined, () => 2, NaN, 1.5e-7, true],
      nested: { only: undefined },
      mixed: [1, { a: undefined, b: [undefined] }, 'x'],
    },
  ],
  ['toJSON and dates', { at: new Date('2026-12-06T00:00:00Z'), custom: { toJSON: () => ({ k: [1, 2] }) } }],
  ['text that needs escaping', { 'k"ey\n': 'é ü 中文 \u2028 "quoted" \\ \u0000', list: ['\t', '😀'] }],
  ['an array of arrays of objects', [[{ a: 1 }, { b: [2, { c: 3 }] }], [], [[]]]],
];

describe('writeJson = JSON.stringify(value, null, 2)', () => {
  for (const [name, value] of VALUES)
    it(name, () => {
      expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
    });

  it('writes a long id list in pieces, not as one string', () => {
    const { text, pieces } = streamed({ nctIds: ids });
    expect(text).toBe(JSON.stringify({ nctIds: ids }, null, 2));
    expect(pieces).toBeGreaterThan(2);
  });

  it('FileSink writes the same bytes to a file, in chunks of about 1 MB', () => {
    const value = { tables: Array.from({ length: 30 }, (_, k) => ({ id: `t${k}`, nctIds: ids })) };
    const path = join(DIR, 'out.json');
    const sink = new FileSink(path);
    writeJson(sink, value);
    sink.write('\n');
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(value, null, 2) + '\n');
  });
});
