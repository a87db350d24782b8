/** Tiny DOM helpers: elements are built with text nodes only (never innerHTML), so registry text cannot inject markup. */
type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

const NUM = new Intl.NumberFormat('en');
export const fmt = (n: number): string => NUM.format(n);

/** "bone_marrow" -> "bone marrow", "PHASE1|PHASE2" -> "Phase 1/2", "NOT_YET_RECRUITING" -> "not yet recruiting". */
export function pretty(v: string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (/^(EARLY_)?PHASE\d/.test(v)) {
    return v
      .split('|')
      .map((p, i) =>
        p === 'EARLY_PHASE1'
          ? 'Early phase 1'
          : i === 0
            ? p.replace('PHASE', 'Phase ')
            : p.replace('PHASE', ''),
      )
      .join('/');
  }
  if (v === 'NA') return 'N/A';
  if (v === 'NONE') return 'no phase';
  return /^[A-Z0-9_]+$/.test(v) ? v.replace(/_/g, ' ').toLowerCase() : v.replace(/_/g, ' ');
}
