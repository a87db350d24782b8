/** Pure front-end modules: URL state round-trip and evidence highlighting (no browser needed). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segments, stringAt } from '../../src/present/web/highlight.js';
import { emptyState, parseState, stateToSearch, toggleValue } from '../../src/present/web/state.js';

describe('URL state', () => {
  it('round-trips filters and view keys, keeping comma-containing countries whole', () => {
    const s = {
      ...emptyState(),
      lists: {
        phase: ['PHASE1|PHASE2', 'PHASE2'],
        country: ['Korea, Republic of', 'Spain'],
        source: ['adipose'],
      },
      bools: { included: true, covid19: false },
      texts: { text: 'knee & hip', firstPostedFrom: '2015' },
      snapshot: '3',
      sort: 'enrollment',
      order: 'asc' as const,
      page: 4,
      pageSize: 100,
      nct: 'NCT01234567',
    };
    const back = parseState(stateToSearch(s));
    expect(back).toEqual(s);
  });

  it('drops invalid view values instead of failing', () => {
    const s = parseState('?page=-3&pageSize=9999&order=sideways&nct=DROP&included=maybe');
    expect(s.page).toBe(1);
    expect(s.pageSize).toBe(emptyState().pageSize);
    expect(s.order).toBe(emptyState().order);
    expect(s.nct).toBeNull();
    expect(s.bools.included).toBeUndefined();
  });

  it('toggling a value twice restores the state and resets the page', () => {
    const s = { ...emptyState(), page: 7 };
    const once = toggleValue(s, 'route', 'intravenous');
    expect(once.lists.route).toEqual(['intravenous']);
    expect(once.page).toBe(1);
    expect(stateToSearch(toggleValue(once, 'route', 'intravenous'))).toBe('');
  });
});

describe('evidence highlighting', () => {
  it('splits at span boundaries and keeps overlapping spans', () => {
    const text = 'umbilical cord mesenchymal stromal cells';
    const a = {
      start: 0,
      end: 14,
      text: 'umbilical cord',
      rule: 'source.uc',
      label: 'sources',
      value: 'umbilical_cord',
    };
    const b = {
      start: 10,
      end: 26,
      text: 'cord mesenchymal',
      rule: 'x.overlap',
      label: 'category',
      value: 'msc_cells',
    };
    const { segments: segs, mismatched } = segments(text, [a, b]);
    expect(mismatched).toEqual([]);
    expect(segs.map((s) => s.text)).toEqual(['umbilical ', 'cord', ' mesenchymal', ' stromal cells']);
    expect(segs.map((s) => s.spans.map((x) => x.rule))).toEqual([
      ['source.uc'],
      ['source.uc', 'x.overlap'],
      ['x.overlap'],
      [],
    ]);
  });

  it('reports spans that do not quote the text', () => {
    const bad = { start: 0, end: 4, text: 'nope', rule: 'r', label: 'l', value: 'v' };
    const out = segments('cord blood', [bad, { ...bad, start: 8, end: 40 }]);
    expect(out.mismatched).toHaveLength(2);
    expect(out.segments).toEqual([{ text: 'cord blood', start: 0, spans: [] }]);
  });

  it('property: segments always concatenate to the text and each span is exactly covered', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }),
        (text, raw) => {
          const spans = raw
            .map(([s, len]) => ({ start: Math.min(s, text.length), end: Math.min(s + len + 1, text.length) }))
            .filter((x) => x.end > x.start)
            .map((x, i) => ({
              ...x,
              text: text.slice(x.start, x.end),
              rule: `r${i}`,
              label: 'l',
              value: 'v',
            }));
          const { segments: segs, mismatched } = segments(text, spans);
          expect(mismatched).toEqual([]);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          for (const sp of spans) {
            const covered = segs
              .filter((s) => s.spans.includes(sp))
              .map((s) => s.text)
              .join('');
            expect(covered).toBe(sp.text);
          }
        },
      ),
    );
  });

  it('reads dotted paths', () => {
    const study = { interventions: [{ description: 'IV infusion' }], conditions: ['GvHD'] };
    expect(stringAt(study, 'interventions.0.description')).toBe('IV infusion');
    expect(stringAt(study, 'conditions.0')).toBe('GvHD');
    expect(stringAt(study, 'conditions.5')).toBeNull();
  });
});
