import { describe, expect, it } from 'vitest';
import {
  AGENCY_CLASS,
  ALLOCATION,
  INTERVENTION_MODEL,
  MASKING,
  OVERALL_STATUS,
  REFERENCE_TYPE,
  SEX,
  STD_AGE,
  STUDY_TYPE,
  lookup,
  lookupPhases,
  upperSnake,
} from '../../src/model/vocab.js';

describe('vocabulary tables', () => {
  it('maps classic labels to v2 enums', () => {
    expect(lookup(OVERALL_STATUS, 'Recruiting')).toBe('RECRUITING');
    expect(lookup(OVERALL_STATUS, 'Unknown status')).toBe('UNKNOWN');
    expect(lookup(OVERALL_STATUS, 'Active, not recruiting')).toBe('ACTIVE_NOT_RECRUITING');
    expect(lookup(STUDY_TYPE, 'Expanded Access')).toBe('EXPANDED_ACCESS');
    expect(lookup(AGENCY_CLASS, 'Industry')).toBe('INDUSTRY');
    expect(lookup(AGENCY_CLASS, 'NIH')).toBe('NIH');
    expect(lookup(AGENCY_CLASS, 'U.S. Fed')).toBe('FED');
    expect(lookup(ALLOCATION, 'N/A')).toBe('NA');
    expect(lookup(ALLOCATION, 'Non-Randomized')).toBe('NON_RANDOMIZED');
    expect(lookup(MASKING, 'None (Open Label)')).toBe('NONE');
    expect(lookup(INTERVENTION_MODEL, 'Single Group Assignment')).toBe('SINGLE_GROUP');
    expect(lookup(SEX, 'All')).toBe('ALL');
    expect(lookup(STD_AGE, 'Older Adult')).toBe('OLDER_ADULT');
    expect(lookup(REFERENCE_TYPE, 'derived')).toBe('DERIVED');
  });

  it('passes v2 enums through and keeps unknown values upper-snake-cased', () => {
    expect(lookup(OVERALL_STATUS, 'RECRUITING')).toBe('RECRUITING');
    expect(lookup(OVERALL_STATUS, 'Some Brand-new status')).toBe('SOME_BRAND_NEW_STATUS');
    expect(lookup(AGENCY_CLASS, 'OTHER_GOV')).toBe('OTHER_GOV');
    expect(lookup(STUDY_TYPE, '')).toBeNull();
    expect(lookup(STUDY_TYPE, null)).toBeNull();
    expect(upperSnake('  a--b c ')).toBe('A_B_C');
  });

  it('maps phases in list and joined forms', () => {
    expect(lookupPhases(['Phase 1', 'Phase 2'])).toEqual(['PHASE1', 'PHASE2']);
    expect(lookupPhases(['Phase 1|Phase 2'])).toEqual(['PHASE1', 'PHASE2']);
    expect(lookupPhases(['Phase 1/Phase 2'])).toEqual(['PHASE1', 'PHASE2']);
    expect(lookupPhases(['Early Phase 1'])).toEqual(['EARLY_PHASE1']);
    expect(lookupPhases(['Not Applicable'])).toEqual(['NA']);
    expect(lookupPhases(['N/A'])).toEqual(['NA']);
    expect(lookupPhases(['PHASE2|PHASE3'])).toEqual(['PHASE2', 'PHASE3']);
    expect(lookupPhases(['Phase 5'])).toEqual(['PHASE_5']);
  });

  it('ignores inherited object keys', () => {
    expect(lookup(SEX, 'constructor')).toBe('CONSTRUCTOR');
    expect(lookup(SEX, '__proto__')).toBe('PROTO');
  });
});
