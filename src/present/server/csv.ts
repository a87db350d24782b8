/** CSV export of study rows, produced in chunks so a large selection streams instead of building one string. */
import { LIST_SEPARATOR } from '../../model/lists.js';
import { csvText, safeCell } from '../csv.js';
import type { StudyRow } from './dataset.js';

/** Columns of the export (data, not code): header -> cell value. */
export const CSV_COLUMNS: ReadonlyArray<
  readonly [string, (r: StudyRow) => string | number | boolean | null]
> = [
  ['nct_id', (r) => r.nctId],
  ['title', (r) => r.title],
  ['phase', (r) => r.phase],
  ['status', (r) => r.status],
  ['study_type', (r) => r.studyType],
  ['enrollment', (r) => r.enrollment],
  ['start_date', (r) => r.startDate],
  ['first_posted', (r) => r.firstPosted],
  ['lead_sponsor', (r) => r.sponsor],
  ['countries', (r) => r.countries.join(LIST_SEPARATOR)],
  ['category', (r) => r.category],
  ['included', (r) => r.included],
  ['sources', (r) => r.sources.join(LIST_SEPARATOR)],
  ['donor', (r) => r.donor],
  ['routes', (r) => r.routes.join(LIST_SEPARATOR)],
  ['modifications', (r) => r.modifications.join(LIST_SEPARATOR)],
  ['specialty', (r) => r.specialty],
  ['covid19', (r) => r.covid19],
  ['product', (r) => r.product],
  ['url', (r) => r.url],
  ['registrations', (r) => r.registrations.join(LIST_SEPARATOR)],
];

export { safeCell };

export function csvHeader(): string {
  return csvText([CSV_COLUMNS.map(([h]) => h)]);
}

export function csvRows(rows: readonly StudyRow[]): string {
  return csvText(rows.map((r) => CSV_COLUMNS.map(([, get]) => get(r))));
}

/** A byte stream of the header and then the given rows, `chunk` rows at a time. */
export function csvStream(
  indices: Int32Array,
  summary: (i: number) => StudyRow,
  chunk = 1000,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let pos = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pos < 0) {
        controller.enqueue(enc.encode(`\ufeff${csvHeader()}`));
        pos = 0;
        return;
      }
      if (pos >= indices.length) {
        controller.close();
        return;
      }
      const end = Math.min(indices.length, pos + chunk);
      const rows: StudyRow[] = [];
      for (let k = pos; k < end; k++) rows.push(summary(indices[k]!));
      pos = end;
      controller.enqueue(enc.encode(csvRows(rows)));
    },
  });
}
