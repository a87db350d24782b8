/**
 * The word index (analyze/word-index.ts) names every study whose text holds the needle: its candidates, checked
 * with the substring test, are exactly the studies a scan of every text finds. Needles cut from the texts at random
 * places (so word starts, ends, insides, several words and punctuation all occur) and hand-picked edge cases.
 */
import { describe, expect, it } from 'vitest';
import { buildWordIndex, wordCandidates, wordCandidatesInto } from '../../src/analyze/word-index.js';

const TEXTS = [
  'nct01234567\nmesenchymal stem cells for knee osteoarthritis\nknee osteoarthritis\numbilical cord msc',
  'nct07654321\nadipose-derived stromal cells (adscs) in crohn’s fistula\ncrohn disease\nadscs',
  'nct00000001\nexosomes from msc-derived cells: covid-19 ards\ncovid-19\nards\nexosome',
  'nct00000002\nwharton’s jelly cells — spinal cord injury\nspinal cord injuries\nwj-msc',
  'nct00000003\nknee\n\nstem-cell therapy 2.0 für kniegelenk\nβ-thalassemia\n間葉系幹細胞',
  'nct00000004\n',
  'nct00000005\nbone marrow mononuclear cells; stroke (ischemic)\nstroke\nbm-mnc, bmmnc',
];

/** A tiny deterministic generator (the test is the same on every run). */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function scan(texts: readonly string[], needle: string): number[] {
  return texts.flatMap((t, i) => (t.includes(needle) ? [i] : []));
}

/** A needle that is one run of word characters (wordCandidatesInto: exact unless a study is stale). */
const oneRun = (needle: string): boolean => /^[a-z0-9\u0080-\uffff]+$/i.test(needle);

function viaIndex(texts: readonly string[], ix: ReturnType<typeof buildWordIndex>, needle: string): number[] {
  // the scratch form: the same candidates, and when it says exact, they are the matches without a substring test
  const work = new Int32Array(ix.size).fill(-7);
  const into = wordCandidatesInto(ix, needle, work);
  const c = wordCandidates(ix, needle);
  expect(into === null, JSON.stringify(needle)).toBe(c === null);
  if (into && c) {
    expect([...work.subarray(0, into.n)]).toEqual([...c]);
    expect(into.exact, JSON.stringify(needle)).toBe(oneRun(needle) && ix.stale.size === 0);
    if (into.exact) expect([...c]).toEqual(scan(texts, needle));
  }
  const ids = c ? [...c] : texts.map((_, i) => i);
  for (let k = 1; k < ids.length; k++) expect(ids[k]!).toBeGreaterThan(ids[k - 1]!);
  return ids.filter((i) => texts[i]!.includes(needle));
}

describe('word index', () => {
  it('finds what a scan of every text finds: cut needles and edge cases', () => {
    const texts = Array.from({ length: 60 }, (_, i) => TEXTS[i % TEXTS.length]!);
    const ix = buildWordIndex(texts.length, (i) => texts[i]!);
    const next = rng(14);
    const needles = [
      'k',
      'ee',
      'knee',
      'knee ',
      ' knee',
      'knee\nknee',
      '\n',
      '-',
      '(',
      'cell',
      'cells for',
      's for k',
      'msc-derived',
      '-derived',
      'crohn’s',
      'n’s f',
      '2.0',
      '.0 f',
      'für',
      'β-',
      '幹細',
      'zzzz',
      'nct0',
      'injuries\nwj',
      '; stroke (',
    ];
    for (let k = 0; k < 400; k++) {
      const t = TEXTS[Math.floor(next() * TEXTS.length)]!;
      const a = Math.floor(next() * t.length);
      needles.push(t.slice(a, a + 1 + Math.floor(next() * 14)));
    }
    let found = 0;
    for (const needle of needles.filter((x) => x.length > 0)) {
      const want = scan(texts, needle);
      expect(viaIndex(texts, ix, needle), JSON.stringify(needle)).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('a needle of separators only, or of words too common to look up, is left to the scan', () => {
    const texts = ['a b', 'a c', 'b c'];
    const ix = buildWordIndex(texts.length, (i) => texts[i]!);
    expect(wordCandidates(ix, ' ')).toBeNull();
    expect(wordCandidates(ix, '-')).toBeNull();
    expect([...wordCandidates(ix, 'a')!]).toEqual([0, 1]);
    expect(wordCandidates(ix, 'a', 1)).toBeNull();
    expect(viaIndex(texts, ix, 'a c')).toEqual([1]);
  });

  it('a study whose text changed after the build is always a candidate', () => {
    const texts = ['knee', 'cord', 'heart'];
    const ix = buildWordIndex(texts.length, (i) => texts[i]!);
    texts[2] = 'knee and heart';
    ix.stale.add(2);
    expect(viaIndex(texts, ix, 'knee')).toEqual([0, 2]);
    expect(viaIndex(texts, ix, 'cord')).toEqual([1]);
    expect(viaIndex(texts, ix, 'e')).toEqual([0, 2]);
    expect(wordCandidatesInto(ix, 'knee', new Int32Array(3))!.exact).toBe(false);
  });

  it('many distinct words (the word table grows several times)', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `w${i} x${i % 7} w${(i * 7919) % 20_000}-y${i}`);
    const ix = buildWordIndex(texts.length, (i) => texts[i]!);
    expect(ix.wordStart.length).toBe(20_000 + 7 + 20_000);
    // few words (gathered and sorted) and many postings (read back from the marks in order), repeatedly
    for (const needle of ['w1234', 'w1234 ', 'x3 w', '-y19999', 'y1999', 'x6', ' x0 w7', 'x', 'w', '9', 'y1'])
      expect(viaIndex(texts, ix, needle), needle).toEqual(scan(texts, needle));
  });

  it('registry-like texts: an id word per study, few other words (both lookups: compared words and a scan)', () => {
    // the ids are most of the vocabulary: a needle of id characters passes most masks and scans the vocabulary; a
    // needle with another letter compares only the words of the masks that pass
    const topics = [
      'covid-19 ards',
      'spinal cord injury',
      'crohn’s fistula',
      'knee osteoarthritis',
      'cordyceps',
    ];
    const texts = Array.from(
      { length: 3000 },
      (_, i) =>
        `nct${String(70_000_000 + i * 37)}\n${topics[i % topics.length]!} ${i % 11 === 0 ? 'nct7' : ''}`,
    );
    const ix = buildWordIndex(texts.length, (i) => texts[i]!);
    const needles = [
      'covid',
      'cord',
      'cordi',
      'ord',
      'c',
      'nct',
      'nct7000',
      '7000',
      '00',
      'nct70001',
      ' nct7',
      'nct7 ',
      'y\nn',
    ];
    for (let k = 0; k < 60; k++) needles.push(String((k * 7919) % 10_000), `nct700${(k * 31) % 100}`);
    for (const needle of needles) expect(viaIndex(texts, ix, needle), needle).toEqual(scan(texts, needle));
    // the one-run needles were answered exactly
    expect(wordCandidatesInto(ix, 'cord', new Int32Array(3000))).toEqual({ n: 1200, exact: true });
  });

  it('no texts, empty texts', () => {
    expect(
      wordCandidates(
        buildWordIndex(0, () => ''),
        'knee',
      ),
    ).toEqual(new Int32Array(0));
    const ix = buildWordIndex(2, () => '');
    expect([...wordCandidates(ix, 'knee')!]).toEqual([]);
  });
});
