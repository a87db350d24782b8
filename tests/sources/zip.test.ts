import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/index.js';
import { classicRecord, fixtureText, readAll, readError, tmpFile, zip } from './helpers.js';

describe('zip archives', () => {
  it('reads every member, each format detected from its own content', async () => {
    const archive = zip({
      'ctg-studies.json': JSON.stringify([JSON.parse(fixtureText('v2-study.json'))]),
      'nested/classic.ndjson': `${JSON.stringify(classicRecord({ NCTId: ['NCT09000021'] }))}\n${JSON.stringify(classicRecord({ NCTId: ['NCT09000022'] }))}\n`,
      'export.csv': fixtureText('classic-export.csv'),
      'folder/': '',
      '__MACOSX/._export.csv': 'junk',
    });
    const p = tmpFile(archive, 'data.bin');
    const recs = await readAll(p);
    expect(recs.map((r) => [r.study.nctId, r.study.provenance.format, r.study.provenance.file])).toEqual([
      ['NCT09000001', 'ctgov-v2-json', `${p}!ctg-studies.json`],
      ['NCT09000021', 'ctgov-classic-fields', `${p}!nested/classic.ndjson`],
      ['NCT09000022', 'ctgov-classic-fields', `${p}!nested/classic.ndjson`],
      ['NCT09000004', 'ctgov-classic-csv', `${p}!export.csv`],
      ['NCT09000005', 'ctgov-classic-csv', `${p}!export.csv`],
    ]);
    expect(await detectFormat(p)).toEqual({ layout: 'json', format: 'ctgov-v2-json', container: 'zip' });
  });

  it('names the member in errors', async () => {
    const p = tmpFile(
      zip({ 'good.json': fixtureText('v2-study.json'), 'bad.json': '<html><body>Error</body></html>' }),
    );
    const e = await readError(p);
    expect(e.location.file).toBe(`${p}!bad.json`);
    expect(e.message).toMatch(/HTML page/);
  });

  it('rejects an empty archive, a nested archive and a truncated archive', async () => {
    expect((await readError(tmpFile(zip({})))).message).toMatch(/holds no files/);
    expect((await readError(tmpFile(zip({ 'inner.zip': zip({ 'a.json': '{}' }) })))).message).toMatch(
      /zip archive/,
    );
    const full = zip({ 'a.json': fixtureText('v2-study.json') });
    expect((await readError(tmpFile(full.subarray(0, full.length - 30)))).message).toMatch(/zip/);
  });
});

describe('zip progress', () => {
  it('reports bytes against the archive size, never going back', async () => {
    const { readStudies } = await import('../../src/sources/index.js');
    const { statSync } = await import('node:fs');
    const big = `${JSON.stringify(classicRecord())}\n`.repeat(400);
    const p = tmpFile(zip({ 'a.ndjson': big, 'b.ndjson': big, 'c.csv': fixtureText('classic-export.csv') }));
    const size = statSync(p).size;
    const seen: number[] = [];
    let n = 0;
    for await (const _ of readStudies(p, {
      onBytes: (done, total) => (expect(total).toBe(size), seen.push(done)),
    }))
      n++;
    expect(n).toBe(802);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(size);
  });
});
