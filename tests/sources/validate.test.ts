import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { emptyStudy, type Provenance, type Study } from '../../src/model/study.js';
import { validated } from '../../src/sources/map-util.js';

const prov: Provenance = {
  format: 'ctgov-v2-json',
  file: 'f.json',
  record: 3,
  fetchedAt: 'now',
  registryVersion: null,
};

describe('validated (one StudySchema parse per record)', () => {
  it('returns the same object when it fits', () => {
    const s = emptyStudy('NCT09000001', prov);
    expect(validated(s)).toBe(s);
  });

  it('names file, record and the dotted field of the first problem', () => {
    const s = emptyStudy('NCT09000001', prov);
    s.locations = [
      {
        facility: null,
        city: null,
        state: null,
        country: null,
        geoPoint: { lat: 1, lon: 'x' as unknown as number },
      },
    ];
    let err: unknown;
    try {
      validated(s as Study);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location).toEqual({
      file: 'f.json',
      record: 3,
      field: 'locations.0.geoPoint.lon',
    });
    expect((err as InputError).message).toMatch(
      /^f\.json: record 3, field "locations\.0\.geoPoint\.lon": does not fit the Study schema/,
    );
  });
});
