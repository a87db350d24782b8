/** Property: whatever the faults and wherever a run is interrupted, resuming delivers every study exactly once. */
import fc from 'fast-check';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { StudyRecord } from '../../src/model/record.js';
import { FAST, collect, expectedIds, idsOf, tempDir } from './helpers.js';
import { makeStudies, startMockCtgov, type Fault } from './mock-ctgov.js';

const N = 280; // 200 matching studies
const quickFaults: Fault[] = [
  { kind: '429', retryAfter: '0' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'reset' },
  { kind: 'cut-json' },
  { kind: 'truncated' },
  { kind: 'html' },
];

it('random fault schedules and interruption points: resumed output is complete and duplicate-free', async () => {
  const { dir, cleanup } = await tempDir();
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 80 }), // page size
        fc.dictionary(fc.integer({ min: 1, max: 30 }).map(String), fc.constantFrom(...quickFaults), {
          maxKeys: 6,
        }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }), // pages after which each run is interrupted
        fc.boolean(), // replay or not
        async (pageSize, faultMap, stops, replay) => {
          const faults = Object.fromEntries(Object.entries(faultMap).map(([k, v]) => [Number(k), v]));
          const mock = await startMockCtgov({ studies: makeStudies(N), faults });
          const statePath = join(dir, `state-${run++}.json`);
          const delivered: StudyRecord[] = [];
          try {
            for (const stop of stops) {
              const abort = new AbortController();
              const got: StudyRecord[] = [];
              await collect(
                {
                  ...FAST,
                  maxRetries: 8,
                  baseUrl: mock.baseUrl,
                  pageSize,
                  statePath,
                  replay,
                  signal: abort.signal,
                  onProgress: (p) => p.page >= stop && abort.abort(),
                },
                got,
              ).catch(() => undefined);
              if (replay) delivered.splice(0, delivered.length, ...got);
              else delivered.push(...got);
            }
            const last = await collect({
              ...FAST,
              maxRetries: 8,
              baseUrl: mock.baseUrl,
              pageSize,
              statePath,
              replay,
            });
            if (replay) delivered.splice(0, delivered.length, ...last);
            else delivered.push(...last);
            expect(idsOf(delivered)).toEqual(expectedIds(N));
          } finally {
            await mock.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  } finally {
    await cleanup();
  }
}, 60_000);
