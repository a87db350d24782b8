/** Test helpers for the readers: temp files, a tiny zip writer, collecting records, asserting InputErrors. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, expect } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import type { StudyRecord } from '../../src/model/record.js';
import { readStudies } from '../../src/sources/index.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sources');
export const fixture = (name: string): string => join(FIXTURES, name);
export const fixtureText = (name: string): string => readFileSync(fixture(name), 'utf8');
export const fixtureJson = (name: string): Record<string, unknown> =>
  JSON.parse(fixtureText(name)) as Record<string, unknown>;

const DIR = mkdtempSync(join(tmpdir(), 'mscope-sources-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
let n = 0;

/** Write content to a fresh temp file (the name never tells the format: readers must sniff). */
export function tmpFile(content: string | Uint8Array, name = `input-${++n}.dat`): string {
  const p = join(DIR, `${++n}-${name}`);
  writeFileSync(p, content);
  return p;
}

export const tmpDir = (): string => mkdtempSync(join(DIR, 'dir-'));

/** A zip archive (deflate) holding the given members. */
export function zip(members: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(members)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(members).length, 8);
  end.writeUInt16LE(Object.keys(members).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const FETCHED_AT = '2026-01-01T00:00:00.000Z';

export async function readAll(path: string): Promise<StudyRecord[]> {
  const out: StudyRecord[] = [];
  for await (const r of readStudies(path, { fetchedAt: FETCHED_AT })) out.push(r);
  return out;
}

/** Read a file expecting an InputError; returns it for further checks. */
export async function readError(path: string): Promise<InputError> {
  try {
    await readAll(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`expected an InputError reading ${path}`);
}

/** A classic study-fields record (every field a list) with the given overrides. */
export function classicRecord(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Rank: 1,
    NCTId: ['NCT09000010'],
    BriefTitle: ['Classic fixture record'],
    OverallStatus: ['Recruiting'],
    Phase: ['Phase 1', 'Phase 2'],
    StudyType: ['Interventional'],
    StartDate: ['July 2021'],
    StartDateType: ['Anticipated'],
    StudyFirstPostDate: ['June 3, 2021'],
    StudyFirstPostDateType: ['Estimate'],
    EnrollmentCount: ['20'],
    EnrollmentType: ['Anticipated'],
    LeadSponsorName: ['Fixture Sponsor'],
    LeadSponsorClass: ['INDUSTRY'],
    Condition: ['Osteoarthritis'],
    ...over,
  };
}
