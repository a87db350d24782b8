import { describe, expect, it } from 'vitest';
import { MscopeError } from '../../src/model/errors.js';
import {
  checkBaseUrl,
  checkPageSize,
  checkSince,
  defaultQuery,
  defaultQueryTerms,
  searchUrl,
  sinceFilter,
  studiesUrl,
  versionUrl,
} from '../../src/sources/live/query.js';

describe('default MSC query', () => {
  const terms = defaultQueryTerms().map((t) => t.toLowerCase());

  it('covers the cell names, sources, derived products and named products', () => {
    for (const t of [
      'mesenchymal stem cells',
      'mesenchymal stromal cells',
      'mesenchymal progenitor cells',
      'mesenchymal precursor cells',
      'msc',
      "wharton's jelly",
      'adipose-derived stem cells',
      'adipose-derived stromal cells',
      'msc exosomes',
      'msc extracellular vesicles',
      'msc secretome',
      'remestemcel-l',
      'prochymal',
      'ryoncil',
      'darvadstrocel',
      'alofisel',
      'cx601',
      'cartistem',
      'nurown',
      'msc-ntf',
      'rexlemestrocel-l',
      'stempeucel',
      'cellgram',
      'neuronata-r',
      'lenzumestrocel',
      'cupistem',
      'lomecel-b',
      'plx-pad',
      'multistem',
      'exoflo',
      'jointstem',
      'elixcyte',
      'cyp-001',
      'temcell',
    ]) {
      expect(terms, t).toContain(t);
    }
  });

  it('ORs every term as a quoted phrase, once each', () => {
    const q = defaultQuery();
    const parts = q.split(' OR ');
    expect(parts).toHaveLength(new Set(terms).size);
    for (const p of parts) expect(p).toMatch(/^"[^"]+"$/);
    expect(q).toContain('"Wharton\'s jelly"');
  });
});

describe('request URLs', () => {
  const base = 'https://example.org/api/v2/';

  it('first page asks for the total and JSON; later pages carry the token', () => {
    const first = new URL(
      studiesUrl({ baseUrl: base, query: '"a b" OR c', pageSize: 1000, countTotal: true }),
    );
    expect(first.pathname).toBe('/api/v2/studies');
    expect(first.searchParams.get('query.term')).toBe('"a b" OR c');
    expect(first.searchParams.get('pageSize')).toBe('1000');
    expect(first.searchParams.get('countTotal')).toBe('true');
    expect(first.searchParams.get('format')).toBe('json');
    expect(first.searchParams.has('pageToken')).toBe(false);
    expect(first.searchParams.has('filter.advanced')).toBe(false);

    const next = new URL(studiesUrl({ baseUrl: base, query: 'c', pageSize: 10, pageToken: 'tok/+=' }));
    expect(next.searchParams.get('pageToken')).toBe('tok/+=');
    expect(next.searchParams.has('countTotal')).toBe(false);
  });

  it('--since becomes a LastUpdatePostDate RANGE in filter.advanced', () => {
    expect(sinceFilter('2024-01-01')).toBe('AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]');
    const u = new URL(studiesUrl({ baseUrl: base, query: 'c', since: '2023-06-30', pageSize: 5 }));
    expect(u.searchParams.get('filter.advanced')).toBe('AREA[LastUpdatePostDate]RANGE[2023-06-30,MAX]');
  });

  it('search URL (provenance) has neither token nor countTotal', () => {
    const u = new URL(searchUrl({ baseUrl: base, query: 'c', pageSize: 5 }));
    expect(u.searchParams.has('pageToken')).toBe(false);
    expect(u.searchParams.has('countTotal')).toBe(false);
    expect(versionUrl(base)).toBe('https://example.org/api/v2/version');
  });

  it('rejects bad dates, page sizes and URLs with usage errors', () => {
    for (const bad of ['2024-13-01', '2024-02-30', '24-01-01', '2024-01-01T00:00', 'yesterday']) {
      expect(() => checkSince(bad), bad).toThrow(/invalid --since/);
    }
    expect(checkSince('2024-02-29')).toBe('2024-02-29');
    for (const n of [0, 1001, 2.5, Number.NaN]) expect(() => checkPageSize(n)).toThrow(MscopeError);
    expect(() => checkBaseUrl('ftp://x')).toThrow(/not http/);
    expect(() => checkBaseUrl('not a url')).toThrow(/invalid base URL/);
    try {
      checkSince('nope');
    } catch (err) {
      expect((err as MscopeError).exitCode).toBe(2);
    }
  });
});
