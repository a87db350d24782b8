/**
 * Errors a user can act on. The CLI prints `message` (never a stack trace) and exits non-zero.
 * Every layer throws these for bad input, naming the file and, where known, the record/line and field.
 */
export class MscopeError extends Error {
  /** Process exit code the CLI should use: 1 failure, 2 usage error. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MscopeError';
    this.exitCode = exitCode;
  }
}

export interface InputLocation {
  file: string;
  /** 1-based record number within the file (array element, NDJSON line, CSV data row). */
  record?: number;
  /** 1-based physical line, when known. */
  line?: number;
  /** Field / column name. */
  field?: string;
}

/** Bad input data: malformed, unknown format, missing NCT id, wrong encoding, HTML instead of JSON … */
export class InputError extends MscopeError {
  readonly location: InputLocation;
  constructor(location: InputLocation, problem: string, options?: { cause?: unknown }) {
    // one line whatever the input quotes: a line break inside a quoted value is shown as \n
    super(`${formatLocation(location)}: ${problem.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}`, 1, options);
    this.name = 'InputError';
    this.location = location;
  }
}

/** Wrong command-line usage: exit code 2. */
export class UsageError extends MscopeError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

export function formatLocation(loc: InputLocation): string {
  let s = loc.file;
  if (loc.record !== undefined) s += `: record ${loc.record}`;
  if (loc.line !== undefined) s += ` (line ${loc.line})`;
  if (loc.field !== undefined) s += `, field "${loc.field}"`;
  return s;
}
