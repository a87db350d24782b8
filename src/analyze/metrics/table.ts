/**
 * The one shape every metric is reported in: a small table of rows, each with its key(s), a count of trials, an
 * optional summed value (e.g. participants) and the NCT ids that contributed (traceability: every number can be
 * followed back to registry records).
 */

export interface MetricRow {
  /** `keys` joined with "|" (for one dimension: the key itself). */
  key: string;
  /** One value per dimension, aligned with MetricTable.dims. */
  keys: string[];
  /** Number of trials in this cell. */
  count: number;
  /** count / table.denominator (0..1), when the table has a denominator. */
  share?: number;
  /** A summed quantity, e.g. participants, when the table has a `valueLabel`. */
  value?: number;
  /** Contributing NCT ids, sorted. */
  nctIds: string[];
}

export interface MetricTable {
  id: string;
  title: string;
  /** Dimension names, e.g. ["year", "source"]. */
  dims: string[];
  /** What `count` counts. */
  unit: string;
  /** What `value` holds, when rows carry a value (e.g. "participants (full count)"). */
  valueLabel?: string;
  /** Trials considered for this table (before splitting across values). */
  denominator: number;
  /** How the numbers were made: counting rule, multi-value rule, missing values. */
  note: string;
  rows: MetricRow[];
}

export interface Cell {
  keys: string[];
  ids: Set<string>;
  value: number;
}

/** Accumulates trials into cells keyed by a tuple of dimension values. */
export class Tally {
  private cells = new Map<string, Cell>();

  add(keys: string[], nctId: string, value = 0): void {
    const key = keys.join('|');
    let c = this.cells.get(key);
    if (!c) {
      c = { keys, ids: new Set(), value: 0 };
      this.cells.set(key, c);
    }
    if (!c.ids.has(nctId)) {
      c.ids.add(nctId);
      c.value += value;
    }
  }

  /** Rows sorted by `order` (default: count desc, then key). */
  rows(
    opts: { denominator?: number; withValue?: boolean; order?: (a: MetricRow, b: MetricRow) => number } = {},
  ): MetricRow[] {
    const rows: MetricRow[] = [...this.cells.values()].map((c) => {
      const r: MetricRow = {
        key: c.keys.join('|'),
        keys: c.keys,
        count: c.ids.size,
        nctIds: [...c.ids].sort(),
      };
      if (opts.denominator) r.share = round(c.ids.size / opts.denominator, 4);
      if (opts.withValue) r.value = round(c.value, 2);
      return r;
    });
    rows.sort(opts.order ?? byCountDesc);
    return rows;
  }
}

export const byCountDesc = (a: MetricRow, b: MetricRow): number =>
  b.count - a.count || a.key.localeCompare(b.key);
export const byKey = (a: MetricRow, b: MetricRow): number => a.key.localeCompare(b.key);
export const byValueDesc = (a: MetricRow, b: MetricRow): number =>
  (b.value ?? 0) - (a.value ?? 0) || b.count - a.count || a.key.localeCompare(b.key);

/** Order rows by the position of their first key in `order` (unknown keys last, then by key). */
export function byKeyOrder(order: readonly string[]): (a: MetricRow, b: MetricRow) => number {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return (a, b) => {
    for (let i = 0; i < Math.max(a.keys.length, b.keys.length); i++) {
      const x = a.keys[i] ?? '';
      const y = b.keys[i] ?? '';
      const d = rank(x) - rank(y) || x.localeCompare(y);
      if (d) return d;
    }
    return 0;
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Build a one- or multi-dimensional count table in one call. */
export function countTable(
  rows: Iterable<{ nctId: string; keys: string[][] }>,
  meta: Omit<MetricTable, 'rows' | 'denominator'> & {
    order?: (a: MetricRow, b: MetricRow) => number;
    share?: boolean;
  },
): MetricTable {
  const t = new Tally();
  let n = 0;
  for (const r of rows) {
    n++;
    for (const combo of cartesian(r.keys)) t.add(combo, r.nctId);
  }
  const { order, share, ...rest } = meta;
  return { ...rest, denominator: n, rows: t.rows({ denominator: share === false ? undefined : n, order }) };
}

/** All combinations of one value per dimension. */
export function cartesian(dims: string[][]): string[][] {
  let acc: string[][] = [[]];
  for (const values of dims) {
    const next: string[][] = [];
    for (const a of acc) for (const v of values) next.push([...a, v]);
    acc = next;
  }
  return acc;
}
