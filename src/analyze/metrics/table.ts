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

/**
 * How a computeMetrics run tallies: `ids` keeps the contributing NCT ids (sorted only when kept); `unique` says
 * every row has a distinct NCT id, so a trial is counted once per cell by remembering the last row added to a
 * cell instead of a set of ids per cell (a row listing the same value twice still counts once).
 */
export interface TallyContext {
  ids: boolean;
  unique: boolean;
}

export const DEFAULT_TALLY: TallyContext = { ids: true, unique: false };

interface Cell {
  keys: string[];
  count: number;
  value: number;
  /** Last row index added (unique mode). */
  last: number;
  /** NCT ids seen (non-unique mode). */
  seen: Set<string> | null;
  ids: string[] | null;
}

/** Accumulates trials into cells keyed by a tuple of dimension values; a trial counts once per cell. */
export class Tally {
  private cells = new Map<string, Cell>();

  constructor(private readonly ctx: TallyContext = DEFAULT_TALLY) {}

  /** Add row `row` (its index in the input, for de-duplication) with NCT id `nctId` to the cell `keys`. */
  add(keys: readonly string[], nctId: string, row: number, value = 0): void {
    this.addKey(keys.join('|'), keys, nctId, row, value);
  }

  /** add() with the cell key (`keys` joined with "|") given by the caller; `keys` null = the one key `key`. */
  addKey(key: string, keys: readonly string[] | null, nctId: string, row: number, value = 0): void {
    let c = this.cells.get(key);
    if (c === undefined) {
      c = {
        keys: keys === null ? [key] : [...keys],
        count: 0,
        value: 0,
        last: -1,
        seen: this.ctx.unique ? null : new Set(),
        ids: this.ctx.ids ? [] : null,
      };
      this.cells.set(key, c);
    }
    if (c.seen !== null) {
      if (c.seen.has(nctId)) return;
      c.seen.add(nctId);
    } else {
      if (c.last === row) return;
      c.last = row;
    }
    c.count++;
    c.value += value;
    if (c.ids !== null) c.ids.push(nctId);
  }

  /** Rows sorted by `order` (default: count desc, then key). */
  rows(
    opts: { denominator?: number; withValue?: boolean; order?: (a: MetricRow, b: MetricRow) => number } = {},
  ): MetricRow[] {
    const rows: MetricRow[] = [];
    for (const c of this.cells.values()) {
      const r: MetricRow = {
        key: c.keys.join('|'),
        keys: c.keys,
        count: c.count,
        nctIds: c.ids === null ? [] : c.ids.sort(),
      };
      if (opts.denominator) r.share = round(c.count / opts.denominator, 4);
      if (opts.withValue) r.value = round(c.value, 2);
      rows.push(r);
    }
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

type TableMeta = Omit<MetricTable, 'rows' | 'denominator'> & {
  order?: (a: MetricRow, b: MetricRow) => number;
  share?: boolean;
};

function finish(t: Tally, n: number, meta: TableMeta): MetricTable {
  const { order, share, ...rest } = meta;
  return { ...rest, denominator: n, rows: t.rows({ denominator: share === false ? undefined : n, order }) };
}

/** One-dimensional count table in one pass: a study counts once under each of its values (`keysOf`). */
export function countTable<T extends { nctId: string }>(
  rows: readonly T[],
  keysOf: (r: T) => readonly string[],
  meta: TableMeta,
  ctx: TallyContext = DEFAULT_TALLY,
): MetricTable {
  const t = new Tally(ctx);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (const k of keysOf(r)) t.addKey(k, null, r.nctId, i);
  }
  return finish(t, rows.length, meta);
}

/** Two-dimensional count table (one value per dimension and study) in one pass. */
export function countTable2<T extends { nctId: string }>(
  rows: readonly T[],
  first: (r: T) => string,
  second: (r: T) => string,
  meta: TableMeta,
  ctx: TallyContext = DEFAULT_TALLY,
): MetricTable {
  const t = new Tally(ctx);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const a = first(r);
    const b = second(r);
    t.addKey(`${a}|${b}`, [a, b], r.nctId, i);
  }
  return finish(t, rows.length, meta);
}
