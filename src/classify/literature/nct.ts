/**
 * ClinicalTrials.gov ids as people write them: "NCT01234567", "NCT 01234567", "NCT-01234567", "nct01234567",
 * broken by a line end or hyphenation ("NCT0123-\n4567", "NCT\n01234567") and inside registry URLs
 * (clinicaltrials.gov/ct2/show/NCT01234567, /study/NCT01234567?...). Exactly 8 digits: a ninth digit
 * means it is not an NCT id.
 */
export interface NctMatch {
  nctId: string;
  /** The text as written (may contain spaces, hyphens, line breaks). */
  raw: string;
  start: number;
  end: number;
}

/** A break allowed between two digits: a hyphenation or a line end (with the spaces around it). */
const DIGIT = String.raw`\d(?:-?[ \t]*\r?\n[ \t]*)?`;
const NCT_RE = new RegExp(
  String.raw`(?<![A-Za-z])NCT(?:[ \t]*[-–:#]?[ \t]*(?:\r?\n[ \t]*)?)((?:${DIGIT}){7}\d)(?!\d)`,
  'gi',
);

export function findNctIds(text: string): NctMatch[] {
  const out: NctMatch[] = [];
  NCT_RE.lastIndex = 0;
  for (let m = NCT_RE.exec(text); m; m = NCT_RE.exec(text)) {
    out.push({
      nctId: 'NCT' + m[1]!.replace(/\D/g, ''),
      raw: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

export const isNctId = (s: string): boolean => /^NCT\d{8}$/.test(s);
