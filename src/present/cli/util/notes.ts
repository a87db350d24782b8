/**
 * Open vocabularies (country) accept any value, so a misspelt one would silently match nothing: one line naming the
 * nearest values the snapshot knows ("USA" -> United States).
 */
import type { Filter } from '../../../analyze/filter.js';
import type { Store } from '../../../store/index.js';

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** How far a known value is from what was typed (0 = contains it or its initials; else relative edit distance). */
function score(typed: string, known: string): number {
  const t = typed.toLowerCase().replace(/[^a-z0-9 ]/g, '');
  const k = known.toLowerCase();
  if (t.length >= 3 && (k.includes(t) || t.includes(k))) return 0;
  const initials = k
    .split(/[\s,-]+/)
    .filter((w) => w && !['of', 'the', 'and'].includes(w))
    .map((w) => w[0])
    .join('');
  if (initials.length >= 2 && (t.startsWith(initials) || (t.length >= 2 && initials.startsWith(t))))
    return 0.1;
  return distance(t, k) / Math.max(t.length, k.length);
}

/** The known values nearest to `typed`, best first. */
export function nearest(typed: string, known: readonly string[], n = 3): string[] {
  return known
    .map((k) => ({ k, s: score(typed, k) }))
    .sort((a, b) => a.s - b.s || a.k.localeCompare(b.k))
    .slice(0, n)
    .map((x) => x.k);
}

/** One note per country value no study of the snapshot has, naming the nearest known countries; [] when all match. */
export async function openVocabularyNotes(
  store: Store,
  snapshotId: number,
  filter: Filter,
): Promise<string[]> {
  if (!filter.country?.length) return [];
  const r = await store
    .connection()
    .runAndReadAll('SELECT DISTINCT unnest(countries) AS c FROM studies WHERE snapshot_id = $1 ORDER BY 1', [
      snapshotId,
    ]);
  const known = r.getRows().map((row) => String(row[0]));
  const lower = new Set(known.map((k) => k.toLowerCase()));
  return filter.country
    .filter((c) => c !== '(no location)' && !lower.has(c.trim().toLowerCase()))
    .map(
      (c) =>
        `no study of snapshot ${snapshotId} has country "${c}"; nearest known: ${nearest(c, known).join(', ') || '(none)'}`,
    );
}
