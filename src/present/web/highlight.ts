/**
 * Evidence highlighting, pure: split a text at every span boundary into segments, each with the evidence
 * spans covering it (overlapping spans are kept, not dropped). Spans outside the text, or whose quoted text
 * does not match the text at [start, end), are reported as mismatched instead of being highlighted wrongly.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
  rule: string;
  label: string;
  value: string;
}

export interface Segment<S extends Span = Span> {
  text: string;
  start: number;
  spans: S[];
}

export function segments<S extends Span>(
  text: string,
  spans: readonly S[],
): { segments: Segment<S>[]; mismatched: S[] } {
  const ok: S[] = [];
  const mismatched: S[] = [];
  for (const s of spans) {
    if (s.start >= 0 && s.end > s.start && s.end <= text.length && text.slice(s.start, s.end) === s.text)
      ok.push(s);
    else mismatched.push(s);
  }
  const cuts = [...new Set([0, text.length, ...ok.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (b <= a) continue;
    const covering = ok.filter((s) => s.start <= a && s.end >= b);
    const prev = out[out.length - 1];
    if (prev && prev.spans.length === 0 && covering.length === 0) prev.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), start: a, spans: covering });
  }
  if (out.length === 0) out.push({ text, start: 0, spans: [] });
  return { segments: out, mismatched };
}

/** The value at a dotted path ("interventions.0.description") of an object, when it is a string. */
export function stringAt(obj: unknown, path: string): string | null {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : null;
}
