/**
 * A fast yes-check for zod schemas: `fitsSchema(schema)` compiles a schema (its `def` tree) into one plain function
 * that is true only for values the schema accepts, so a reader can skip `safeParse` (which copies every object it
 * checks into a new output) for the records that fit, and still call it for the others to get zod's own error
 * message. The check is conservative: a part of a schema it does not know (a type, or a check, other than those
 * below) makes it false for every value reaching that part, and then zod decides.
 *
 * Known: object (shape keys only: zod's default objects drop unknown keys, so they are not looked at), array,
 * nullable, string (with regex checks), number (finite; the safeint format), boolean, enum.
 */
import type { z } from 'zod';

export type Fits = (v: unknown) => boolean;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  catchall?: unknown;
  checks?: { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Straight-line code checking a schema: `if (!(…)) return false;` statements over named values, with the regular
 * expressions and enum sets it uses as arguments (checks of this kind run at the speed of hand-written code, not of a
 * tree of closures).
 */
class Emitter {
  lines: string[] = [];
  args: unknown[] = [];
  private n = 0;

  name(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  arg(value: unknown): string {
    this.args.push(value);
    return `a${this.args.length - 1}`;
  }

  fail(cond: string): void {
    this.lines.push(`if (${cond}) return false;`);
  }

  /** Statements that return false unless the value named `v` fits `schema`. */
  check(schema: z.ZodType, v: string): void {
    const def = defOf(schema);
    switch (def.type) {
      case 'object': {
        if (def.catchall !== undefined || !def.shape) return this.fail('true');
        this.fail(`typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})`);
        for (const [k, child] of Object.entries(def.shape)) {
          const c = this.name('v');
          this.lines.push(`const ${c} = ${v}[${JSON.stringify(k)}];`);
          this.check(child, c);
        }
        return;
      }
      case 'array': {
        if (def.checks?.length || !def.element) return this.fail('true');
        this.fail(`!Array.isArray(${v})`);
        const i = this.name('i');
        const e = this.name('e');
        this.lines.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `const ${e} = ${v}[${i}];`);
        this.check(def.element, e);
        this.lines.push('}');
        return;
      }
      case 'nullable': {
        if (!def.innerType) return this.fail('true');
        this.lines.push(`if (${v} !== null) {`);
        this.check(def.innerType, v);
        this.lines.push('}');
        return;
      }
      case 'string': {
        this.fail(`typeof ${v} !== 'string'`);
        for (const c of def.checks ?? []) {
          const re = regexCheck(c._zod.def);
          if (re === null) return this.fail('true');
          this.fail(`!${this.arg(re)}.test(${v})`);
        }
        return;
      }
      case 'number': {
        const checks = (def.checks ?? []).map((c) => c._zod.def);
        if (checks.length === 0) return this.fail(`typeof ${v} !== 'number' || !Number.isFinite(${v})`);
        if (checks.length === 1 && checks[0]!.check === 'number_format' && checks[0]!.format === 'safeint')
          return this.fail(`typeof ${v} !== 'number' || !Number.isSafeInteger(${v})`);
        return this.fail('true');
      }
      case 'boolean':
        return this.fail(def.checks?.length ? 'true' : `typeof ${v} !== 'boolean'`);
      case 'enum':
        if (def.checks?.length || !def.entries) return this.fail('true');
        return this.fail(`!${this.arg(new Set(Object.values(def.entries)))}.has(${v})`);
      default:
        return this.fail('true');
    }
  }
}

/** The pattern of a regex check (not global or sticky: lastIndex would matter), or null for any other check. */
function regexCheck(c: CheckDef): RegExp | null {
  if (c.check !== 'string_format' || c.format !== 'regex' || !(c.pattern instanceof RegExp)) return null;
  return c.pattern.global || c.pattern.sticky ? null : c.pattern;
}

/** A predicate true only for values `schema` accepts (false may still be accepted: then ask zod). */
export function fitsSchema(schema: z.ZodType): Fits {
  const e = new Emitter();
  e.check(schema, 'value');
  const params = e.args.map((_, i) => `a${i}`);
  // the code is generated from the schema's own definition above (no outside text reaches it)
  const make = new Function(...params, `return (value) => {\n${e.lines.join('\n')}\nreturn true;\n};`) as (
    ...args: unknown[]
  ) => Fits;
  return make(...e.args);
}
