/**
 * The one shape every metric is reported in: a small table of rows, each with its key(s), a count of trials, an
 * optional summed value (e.g. participants) and the NCT ids that contributed (traceability: every number can be
 * followed back to registry records).
 */

import { MULTI_DICT, SLOT_DICT, type Multi, type PreparedStudy, type Slot } from '../prepare.js';
import type { Fused } from './fused.js';

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
  /** Counts of every dimension over `pre.rows`, made in one pass (fast path only; see fused.ts). */
  pre?: Fused;
}

/** What fused.ts counted in one pass over `rows`. */
export interface PreCounts {
  rows: readonly PreparedStudy[];
  dim(dim: Slot | Multi): Counts;
  /** undefined when that pair was not counted. */
  pair(a: Slot, b: Slot): Counts | undefined;
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
    rows.sort(total(opts.order ?? byCountDesc));
    return rows;
  }
}

/**
 * `order` made total: cells it ranks equal (localeCompare can call distinct keys equal) by their key's code units,
 * so a table's rows never depend on the order its cells were first met in.
 */
const total =
  (order: (a: MetricRow, b: MetricRow) => number) =>
  (a: MetricRow, b: MetricRow): number =>
    order(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

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

export type TableMeta = Omit<MetricTable, 'rows' | 'denominator'> & {
  order?: (a: MetricRow, b: MetricRow) => number;
  share?: boolean;
};

type RowOptions = {
  denominator?: number;
  withValue?: boolean;
  order?: (a: MetricRow, b: MetricRow) => number;
};

/** A tally over dictionary codes (prepare.ts): a cell is one code (of one dimension, or of a pair of them). */
export interface CodeTally {
  /** Add row `row` (index in the input) with NCT id `nctId` to cell `code`. */
  add(code: number, nctId: string, row: number, value?: number): void;
  rows(opts?: RowOptions): MetricRow[];
}

/**
 * A CodeTally over `size` cells whose keys are `keysOf(code)`. Without NCT ids and with unique rows it counts
 * into typed arrays (cells in first-seen order, as the map-based Tally lists them); otherwise it is a Tally.
 */
export function codeTally(
  size: number,
  keysOf: (code: number) => string[],
  ctx: TallyContext = DEFAULT_TALLY,
  withValue = false,
): CodeTally {
  if (ctx.ids || !ctx.unique) {
    const t = new Tally(ctx);
    const keyCache: Array<[string, string[]] | undefined> = [];
    return {
      add(code, nctId, row, value = 0) {
        let k = keyCache[code];
        if (k === undefined) {
          const keys = keysOf(code);
          k = keyCache[code] = [keys.join('|'), keys];
        }
        t.addKey(k[0], k[1], nctId, row, value);
      },
      rows: (opts) => t.rows(opts),
    };
  }
  const t = new Counts(size, keysOf, withValue);
  let lastCode = -1;
  let lastRow = -1;
  return {
    add(code, _nctId, row, value = 0) {
      // codes of one row are distinct (prepare.ts de-duplicates them); guard a repeated add anyway
      if (code === lastCode && row === lastRow) return;
      lastCode = code;
      lastRow = row;
      t.add(code, value);
    },
    rows: (opts) => t.rows(opts),
  };
}

export function finish(t: { rows(opts: RowOptions): MetricRow[] }, n: number, meta: TableMeta): MetricTable {
  const { order, share, ...rest } = meta;
  return { ...rest, denominator: n, rows: t.rows({ denominator: share === false ? undefined : n, order }) };
}

/**
 * Counts (and optional summed values) per code in typed arrays, cells in first-seen order (the order the
 * map-based Tally lists them in before sorting): the fast path, without NCT ids and with unique rows.
 */
export class Counts {
  readonly count: Int32Array;
  readonly sum: Float64Array | null;
  seen: number[] = [];
  constructor(
    size: number,
    private readonly keysOf: (code: number) => string[],
    withValue = false,
    /** Where the counts live (a view of a larger array: metrics/fused.ts), zeros; a new array by default. */
    count?: Int32Array,
  ) {
    this.count = count ?? new Int32Array(size);
    this.sum = withValue ? new Float64Array(size) : null;
  }

  /** The cells listed again from the counts, in code order (the rows' order does not depend on it: see rows()). */
  reseen(): void {
    const seen: number[] = [];
    const count = this.count;
    for (let c = 0; c < count.length; c++) if (count[c]! > 0) seen.push(c);
    this.seen = seen;
  }

  add(code: number, value = 0): void {
    if (this.count[code]!++ === 0) this.seen.push(code);
    if (this.sum !== null) this.sum[code]! += value;
  }

  rows(opts: RowOptions = {}): MetricRow[] {
    const rows: MetricRow[] = [];
    for (const code of this.seen) {
      const keys = this.keysOf(code);
      const n = this.count[code]!;
      const r: MetricRow = { key: keys.join('|'), keys, count: n, nctIds: [] };
      if (opts.denominator) r.share = round(n / opts.denominator, 4);
      if (opts.withValue) r.value = round(this.sum === null ? 0 : this.sum[code]!, 2);
      rows.push(r);
    }
    rows.sort(total(opts.order ?? byCountDesc));
    return rows;
  }
}

/** code -> keys of a single-valued or multi-valued dimension. */
export function keysOfDim(dim: Slot | Multi): (code: number) => string[] {
  const values = (typeof dim === 'number' ? SLOT_DICT[dim]! : MULTI_DICT[dim]).values;
  return (c) => [values[c]!];
}

/** code -> keys of a pair of single-valued dimensions (code = a * size(b) + b). */
export function keysOfPair(a: Slot, b: Slot): (code: number) => string[] {
  const va = SLOT_DICT[a]!.values;
  const vb = SLOT_DICT[b]!.values;
  const nB = vb.length;
  return (c) => [va[Math.floor(c / nB)]!, vb[c % nB]!];
}

const fast = (ctx: TallyContext) => !ctx.ids && ctx.unique;

/**
 * One-dimensional count table in one pass over prepared studies (prepare.ts): by a single-valued key (a SLOT) or
 * a multi-valued one, where a study counts once under each of its values.
 */
export function countTable(
  rows: readonly PreparedStudy[],
  dim: Slot | Multi,
  meta: TableMeta,
  ctx: TallyContext = DEFAULT_TALLY,
): MetricTable {
  const dict = typeof dim === 'number' ? SLOT_DICT[dim]! : MULTI_DICT[dim];
  const values = dict.values;
  const keysOf = keysOfDim(dim);
  const n = rows.length;
  if (ctx.pre?.rows === rows) return finish(ctx.pre.dim(dim), n, meta);
  if (fast(ctx)) {
    const t = new Counts(values.length, keysOf);
    const { count, seen } = t;
    if (typeof dim === 'number') {
      for (let i = 0; i < n; i++) {
        const c = rows[i]!.codes.single[dim]!;
        if (count[c]!++ === 0) seen.push(c);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const cs = rows[i]!.codes[dim];
        for (let j = 0; j < cs.length; j++) {
          const c = cs[j]!;
          if (count[c]!++ === 0) seen.push(c);
        }
      }
    }
    return finish(t, n, meta);
  }
  const t = codeTally(values.length, keysOf, ctx);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (typeof dim === 'number') t.add(r.codes.single[dim]!, r.nctId, i);
    else for (const c of r.codes[dim]) t.add(c, r.nctId, i);
  }
  return finish(t, n, meta);
}

/** Two-dimensional count table by two single-valued keys (SLOTs) in one pass. */
export function countTable2(
  rows: readonly PreparedStudy[],
  a: Slot,
  b: Slot,
  meta: TableMeta,
  ctx: TallyContext = DEFAULT_TALLY,
): MetricTable {
  const va = SLOT_DICT[a]!.values;
  const nB = SLOT_DICT[b]!.values.length;
  const keysOf = keysOfPair(a, b);
  const n = rows.length;
  const pre = ctx.pre?.rows === rows ? ctx.pre.pair(a, b) : undefined;
  if (pre !== undefined) return finish(pre, n, meta);
  if (fast(ctx)) {
    const t = new Counts(va.length * nB, keysOf);
    const { count, seen } = t;
    for (let i = 0; i < n; i++) {
      const single = rows[i]!.codes.single;
      const c = single[a]! * nB + single[b]!;
      if (count[c]!++ === 0) seen.push(c);
    }
    return finish(t, n, meta);
  }
  const t = codeTally(va.length * nB, keysOf, ctx);
  for (let i = 0; i < n; i++) {
    const single = rows[i]!.codes.single;
    t.add(single[a]! * nB + single[b]!, rows[i]!.nctId, i);
  }
  return finish(t, n, meta);
}
