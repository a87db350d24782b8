/** Generated registry records (API v2 shape, written by hand here) for large CLI tests. */
import { writeFileSync } from 'node:fs';

const WORDS = [
  'mesenchymal',
  'stromal',
  'cells',
  'knee',
  'osteoarthritis',
  'injection',
  'safety',
  'efficacy',
  'patients',
  'dose',
];
const words = (seed: number, n: number): string =>
  Array.from({ length: n }, (_, k) => WORDS[(seed * 7 + k * 3) % WORDS.length]).join(' ');

export const genNct = (i: number): string => `NCT${String(80_000_000 + i).padStart(8, '0')}`;

/** One v2 study record, about `textWords` words of description. */
export function v2Record(i: number, textWords = 150): Record<string, unknown> {
  return {
    protocolSection: {
      identificationModule: { nctId: genNct(i), briefTitle: `Generated study ${i}: ${words(i, 6)}` },
      statusModule: {
        overallStatus: i % 3 === 0 ? 'COMPLETED' : 'RECRUITING',
        startDateStruct: { date: `20${10 + (i % 12)}-0${1 + (i % 9)}`, type: 'ACTUAL' },
        lastUpdatePostDateStruct: { date: `2022-0${1 + (i % 9)}-1${i % 10}`, type: 'ACTUAL' },
      },
      descriptionModule: { briefSummary: words(i, textWords) },
      conditionsModule: { conditions: ['Osteoarthritis', words(i, 2)] },
      designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE1'] },
    },
    hasResults: false,
  };
}

/** Write `n` generated records as NDJSON; returns the path. */
export function writeNdjson(path: string, n: number, textWords = 150): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify(v2Record(i, textWords)));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
