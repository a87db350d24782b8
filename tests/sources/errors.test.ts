import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { detectFormat, readStudies } from '../../src/sources/index.js';
import { sniffText } from '../../src/sources/detect.js';
import { classicRecord, fixture, fixtureText, readAll, readError, tmpDir, tmpFile } from './helpers.js';

describe('format detection from content', () => {
  it('ignores the file name', async () => {
    const asCsv = tmpFile(fixtureText('v2-study.json'), 'studies.csv');
    expect(await detectFormat(asCsv)).toEqual({ layout: 'json', format: 'ctgov-v2-json', container: null });
    const asJson = tmpFile(fixtureText('classic-export.csv'), 'export.json');
    expect(await detectFormat(asJson)).toEqual({
      layout: 'csv',
      format: 'ctgov-classic-csv',
      container: null,
    });
    expect((await readAll(asJson)).length).toBe(2);
  });

  it('tells every layout apart', async () => {
    expect(await detectFormat(fixture('v2-export.csv'))).toMatchObject({
      layout: 'csv',
      format: 'ctgov-v2-csv',
    });
    expect(await detectFormat(fixture('classic-full.json'))).toMatchObject({
      layout: 'json',
      format: 'ctgov-classic-full',
    });
    const nd = tmpFile(`${JSON.stringify(classicRecord())}\n${JSON.stringify(classicRecord())}\n`);
    expect(await detectFormat(nd)).toMatchObject({ layout: 'ndjson', format: 'ctgov-classic-fields' });
    const one = tmpFile(`${JSON.stringify(classicRecord())}\n`);
    expect(await detectFormat(one)).toMatchObject({ layout: 'json', format: 'ctgov-classic-fields' });
  });

  it('reads quoted and unquoted CSV headers alike', async () => {
    const [header, ...rest] = fixtureText('classic-export.csv').split('\n');
    const quoted = [
      header!
        .split(',')
        .map((c) => `"${c}"`)
        .join(','),
      ...rest,
    ].join('\n');
    const recs = await readAll(tmpFile(quoted));
    expect(recs.map((r) => r.study.nctId)).toEqual(['NCT09000004', 'NCT09000005']);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const p = tmpFile(`\ufeff${fixtureText('classic-export.csv')}`);
    expect((await readAll(p)).map((r) => r.study.nctId)).toEqual(['NCT09000004', 'NCT09000005']);
    const q = tmpFile(`\ufeff${fixtureText('v2-study.json')}`);
    expect(await readAll(q)).toHaveLength(1);
  });

  it('sniffText decides from the head alone', () => {
    expect(sniffText('f', '{"a":1}\n{"b":2}\n', true).layout).toBe('ndjson');
    expect(sniffText('f', '{"a":1}\n', true).layout).toBe('json');
    expect(sniffText('f', '{"a": "very long', false).layout).toBe('json');
    expect(sniffText('f', '[{"a":1}]', true).layout).toBe('json');
  });
});

describe('bad input: one clear InputError', () => {
  it('missing file', async () => {
    const e = await readError('/nonexistent/dir/studies.json');
    expect(e.message).toBe('/nonexistent/dir/studies.json: no such file');
  });

  it('a directory', async () => {
    const d = tmpDir();
    const e = await readError(d);
    expect(e.message).toBe(`${d}: is a directory, not a registry data file`);
  });

  it('an empty file, and a file of blank space', async () => {
    expect((await readError(tmpFile(''))).message).toMatch(/is empty/);
    expect((await readError(tmpFile('  \n\r\n  \n'))).message).toMatch(/is empty/);
  });

  it('an HTML error page', async () => {
    const p = tmpFile(
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body></body></html>',
    );
    const e = await readError(p);
    expect(e.message).toContain('looks like an HTML page, not registry data');
    expect(e.location.file).toBe(p);
  });

  it('malformed JSON, with the line', async () => {
    const text =
      '{\n  "protocolSection": {\n    "identificationModule": { "nctId": "NCT09000001", }\n  }\n}\n';
    const e = await readError(tmpFile(text));
    expect(e.message).toMatch(/malformed JSON/);
    expect(e.location.line).toBe(3);
  });

  it('an unknown format', async () => {
    const e = await readError(tmpFile('id;title\n1;something\n'));
    expect(e.message).toMatch(/unknown format/);
    const e2 = await readError(tmpFile('"Rank","Title"\n"1","x"\n'));
    expect(e2.message).toMatch(/unknown format/);
    const e3 = await readError(tmpFile('{"hello": "world"}'));
    expect(e3.message).toMatch(/record 1: not a ClinicalTrials.gov study record/);
    const e4 = await readError(tmpFile('42'));
    expect(e4.message).toMatch(/unknown format/);
    const e5 = await readError(tmpFile('<?xml version="1.0"?><clinical_study/>'));
    expect(e5.message).toMatch(/XML/);
  });

  it('a record without an NCT id', async () => {
    const page = { studies: [{ protocolSection: { identificationModule: { briefTitle: 'no id' } } }] };
    const e = await readError(tmpFile(JSON.stringify(page)));
    expect(e.location).toMatchObject({ record: 1, field: 'protocolSection.identificationModule.nctId' });
    expect(e.message).toMatch(/no NCT id/);
  });

  it('a non-UTF-8 file, including a bad byte far from the start', async () => {
    const latin1 = Buffer.from(
      '"Rank","NCT Number","Title","Status"\n"1","NCT09000001","Caf\xe9","Recruiting"\n',
      'latin1',
    );
    const e = await readError(tmpFile(latin1));
    expect(e.message).toMatch(/not UTF-8/);
    const big = Buffer.concat([
      Buffer.from(`${JSON.stringify(classicRecord())}\n`.repeat(3000)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ]);
    expect((await readError(tmpFile(big))).message).toMatch(/not UTF-8/);
  });

  it('keeps multi-byte characters split across read chunks', async () => {
    // 1 MiB read chunks: put a 4-byte emoji across the boundary.
    const pad = 'x'.repeat((1 << 20) - 2 - 200);
    const rec = classicRecord({ BriefTitle: [`${pad}`], OfficialTitle: ['🧬 cells é'] });
    const text = `${JSON.stringify(rec)}\n`;
    const recs = await readAll(tmpFile(text));
    expect(recs[0]!.study.officialTitle).toBe('🧬 cells é');
    // and a variant shifted by each byte offset around the boundary
    for (let shift = 0; shift < 4; shift++) {
      const r = classicRecord({
        BriefTitle: [`${'y'.repeat((1 << 20) - 120 + shift)}`],
        OfficialTitle: ['é🧬é'],
      });
      const got = await readAll(tmpFile(`${JSON.stringify(r)}\n`));
      expect(got[0]!.study.officialTitle).toBe('é🧬é');
    }
  });

  it('a binary file', async () => {
    expect((await readError(tmpFile(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0])))).message).toMatch(/gzip/);
    expect((await readError(tmpFile(Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80])))).message).toMatch(
      /not UTF-8|unknown format/,
    );
  });

  it('an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const p = tmpFile('{}');
    chmodSync(p, 0o000);
    expect((await readError(p)).message).toMatch(/permission denied|cannot read/);
  });

  it('every error is an InputError that names the file', async () => {
    const p = tmpFile('not,a,registry\n1,2,3\n');
    await expect(readAll(p)).rejects.toBeInstanceOf(InputError);
    await expect(readAll(p)).rejects.toThrow(p);
  });

  it('honours an abort signal', async () => {
    const text = `${JSON.stringify(classicRecord())}\n`.repeat(50);
    const ac = new AbortController();
    let n = 0;
    const run = async (): Promise<void> => {
      for await (const _ of readStudies(tmpFile(text), { signal: ac.signal })) {
        n++;
        if (n === 3) ac.abort();
      }
    };
    await expect(run()).rejects.toThrow();
    expect(n).toBe(3);
  });

  it('reports progress in bytes', async () => {
    const p = fixture('classic-export.csv');
    const seen: [number, number][] = [];
    for await (const _ of readStudies(p, { onBytes: (a, b) => seen.push([a, b]) })) void _;
    const size = Buffer.byteLength(fixtureText('classic-export.csv'));
    expect(seen.at(-1)).toEqual([size, size]);
  });
});

describe('malformed JSON messages', () => {
  it.each([
    ['{\n "a": [1,\n 2,,]\n}\n', 3],
    ['{\n"protocolSection": {\n"x": 1\n', 3],
    ['{\n"a" 1\n}', 2],
    ['[\n{"protocolSection": {}}\n]\nx', 4],
  ])('%j -> line %i, one line of text', async (text, line) => {
    const e = await readError(tmpFile(text));
    expect(e.message).toMatch(/malformed JSON/);
    expect(e.message).not.toContain('\n');
    expect(e.location.line).toBe(line);
  });
});

describe('XML roots named like Object properties', () => {
  it('<__proto__>, <constructor> and <toString> are no registry format: one InputError', async () => {
    for (const root of ['__proto__', 'constructor', 'toString']) {
      const e = await readError(tmpFile(`<${root}>x</${root}>`, `${root}.xml`));
      expect(e.message).toContain(`root <${root}>`);
    }
  });
});
