/**
 * A zip member's raw JSON kept as its own UTF-8 bytes (StudyRecord.rawJsonUtf8): they are the bytes of the raw JSON
 * text the reader keeps (`rawJson`: the decoded member, trimmed), whatever byte order mark, spaces and characters the
 * member holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimmedJsonBytes } from '../../src/sources/json.js';
import { readStudies } from '../../src/sources/index.js';
import { fixtureJson, tmpFile, zip } from './helpers.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

describe('trimmedJsonBytes', () => {
  it('are the bytes of the decoded JSON text, trimmed', () => {
    const space = fc.array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.boolean(), space, fc.jsonValue(), space, (bom, before, value, after) => {
        const text = `${bom ? '\uFEFF' : ''}${before}${JSON.stringify(value)}${after}`;
        const bytes = encoder.encode(text);
        const decoded = decoder.decode(bytes);
        JSON.parse(decoded); // a JSON text, as the reader has it
        expect(decoder.decode(trimmedJsonBytes(bytes))).toBe(decoded.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('a compact zip member', () => {
  it('keeps its raw JSON as text and as the same UTF-8 bytes', async () => {
    const study = fixtureJson('v2-study.json');
    const ps = study.protocolSection as Record<string, Record<string, unknown>>;
    ps.identificationModule!.briefTitle = 'non-ASCII: ünïcödé \u2014 \u{1F9EC}';
    const json = JSON.stringify(study);
    const path = tmpFile(zip({ 'a.json': `\uFEFF ${json}\r\n`, 'b.json': json }));
    const recs = [];
    for await (const r of readStudies(path)) recs.push(r);
    expect(recs).toHaveLength(2);
    for (const r of recs) {
      expect(r.rawJson).toBe(json);
      expect(decoder.decode(r.rawJsonUtf8)).toBe(json);
    }
  });
});
