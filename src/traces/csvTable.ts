/**
 * A CSV table read chunk by chunk, for trace files too large to hold twice in memory: the
 * reader keeps only the unfinished last line of a chunk, checks the header once, and hands
 * each data row to a callback that returns a problem or null. Bad rows are reported with
 * their 1-based line number (the header is line 1) and skipped; nothing throws.
 *
 * Fields are split on commas. The trace files quote nothing; a field wrapped in double quotes
 * has them removed, but a comma inside quotes is not supported.
 */

/** One problem of a trace file, where it is. */
export interface TraceProblem {
  /** 1-based line number in the file; 0 when it concerns the whole file. */
  line: number;
  message: string;
}

/** Problems listed in full; beyond this many only their count is kept (a broken 100 MB file has millions). */
export const MAX_LISTED_PROBLEMS = 200;

/** Largest trace file read: a real day of invocation counts is of the order of 100 MB or more. */
export const MAX_TRACE_BYTES = 256 * 1024 * 1024;

/** Text given whole, or in pieces as a stream delivers it. */
export type TraceInput = string | Iterable<string>;

/** How far a read has got: characters (bytes, for these ASCII files) and lines so far. */
export type TraceProgress = (read: { chars: number; lines: number }) => void;

/** The problems of one file and whether it was read to the end. */
export interface TableResult {
  problems: TraceProblem[];
  /** Problems found beyond the MAX_LISTED_PROBLEMS listed. */
  moreProblems: number;
  /** False when reading stopped early: a header without a needed column, or a file over the size limit. */
  complete: boolean;
  /** Data rows read (good and bad). */
  rows: number;
}

/** Header columns by name, and the number of columns a row must have. */
export interface Header {
  index: Map<string, number>;
  width: number;
}

export interface TableSpec {
  /** What the file is, for messages ("invocations file"). */
  what: string;
  /** The missing columns of a header (empty when it has what is needed). */
  missing: (header: Header) => string[];
  /** One data row: a problem to report (the row is skipped), or null. */
  row: (fields: string[], line: number, header: Header) => string | null;
  maxChars?: number;
}

/** A size message to show before reading a file, or null when it may be read. */
export function traceSizeProblem(fileName: string, bytes: number, maxBytes = MAX_TRACE_BYTES): string | null {
  if (bytes <= maxBytes) return null;
  return `"${fileName}" is ${mb(bytes)}, over the ${mb(maxBytes)} a trace file may have: cut it to fewer rows (its header line first) and load it again.`;
}

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`);

export class CsvTable implements TableResult {
  problems: TraceProblem[] = [];
  moreProblems = 0;
  complete = true;
  rows = 0;
  private header: Header | null = null;
  private rest = '';
  private line = 0;
  private chars = 0;
  private stopped = false;

  constructor(
    private readonly spec: TableSpec,
    private readonly onProgress?: TraceProgress,
  ) {}

  /** Reads the next piece of the file (it may end in the middle of a line). */
  push(chunk: string): void {
    if (this.stopped) return;
    const max = this.spec.maxChars ?? MAX_TRACE_BYTES;
    if (this.chars + chunk.length > max) {
      this.stop(0, `the ${this.spec.what} is over ${mb(max)}: only its first ${this.line} lines were read`);
      return;
    }
    this.chars += chunk.length;
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && !this.stopped; nl = text.indexOf('\n', start)) {
      this.readLine(text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = this.stopped ? '' : text.slice(start);
    this.onProgress?.({ chars: this.chars, lines: this.line });
  }

  /** The end of the file: reads a last line without a newline, and checks the file had a header. */
  end(): void {
    if (this.stopped) return;
    if (this.rest !== '') this.readLine(this.rest);
    this.rest = '';
    if (!this.header && !this.stopped) this.stop(0, `the ${this.spec.what} is empty: expected a header line and rows`);
  }

  report(line: number, message: string): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ line, message });
    else this.moreProblems++;
  }

  private stop(line: number, message: string): void {
    this.report(line, message);
    this.complete = false;
    this.stopped = true;
  }

  private readLine(raw: string): void {
    this.line++;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return;
    const fields = text.split(',');
    if (!this.header) {
      const index = new Map<string, number>();
      fields.forEach((f, i) => index.set(unquote(f.trim()), i));
      const header = { index, width: fields.length };
      const missing = this.spec.missing(header);
      if (missing.length > 0) {
        const cols = missing.length > 5 ? `${missing.slice(0, 5).map(quoted).join(', ')} and ${missing.length - 5} more` : missing.map(quoted).join(', ');
        this.stop(this.line, `the ${this.spec.what} has no column ${cols} in its header (is this the right file, with its header line?)`);
        return;
      }
      this.header = header;
      return;
    }
    this.rows++;
    if (fields.length !== this.header.width) {
      this.report(this.line, `expected ${this.header.width} columns as in the header, found ${fields.length}`);
      return;
    }
    const problem = this.spec.row(fields, this.line, this.header);
    if (problem !== null) this.report(this.line, problem);
  }
}

const quoted = (s: string) => `"${s}"`;

export function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Hands a whole input to `push`; a string is cut into 1 MiB pieces so progress moves. */
export function feed(push: (chunk: string) => void, input: TraceInput): void {
  if (typeof input === 'string') {
    const piece = 1 << 20;
    for (let i = 0; i < input.length; i += piece) push(input.slice(i, i + piece));
  } else {
    for (const chunk of input) push(chunk);
  }
}

/** An incremental reader: `push` pieces of the file as they arrive, then `finish` once. */
export interface TraceReader<R> {
  push(chunk: string): void;
  finish(): R;
}

/** A reader over a table whose result adds `extra()` to the table's problems. */
export function tableReader<T>(table: CsvTable, extra: () => T): TraceReader<T & TableResult> {
  return {
    push: (chunk) => table.push(chunk),
    finish: () => {
      table.end();
      return { problems: table.problems, moreProblems: table.moreProblems, complete: table.complete, rows: table.rows, ...extra() };
    },
  };
}

/** A field as an id: trimmed and unquoted; null when empty. */
export function idField(s: string): string | null {
  const v = unquote(s.trim());
  return v === '' ? null : v;
}

const INTEGER = /^\s*-?\d+\s*$/;
const DECIMAL = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A whole number of at least 0, or an explanation of what is wrong with it. */
export function countField(s: string, column: string): number | string {
  if (s === '0') return 0; // nearly every cell of an invocations file: skip the pattern
  const v = unquote(s);
  if (!INTEGER.test(v)) return `column "${column}": expected a whole number, got "${clip(s)}"`;
  const n = Number(v);
  if (n < 0) return `column "${column}": expected a count of at least 0, got ${n}`;
  if (!Number.isSafeInteger(n)) return `column "${column}": ${clip(s)} is too large`;
  return n;
}

/** A decimal number of at least 0, or an explanation of what is wrong with it. */
export function amountField(s: string, column: string, unit: string): number | string {
  const v = unquote(s);
  if (!DECIMAL.test(v)) return `column "${column}": expected a number of ${unit}, got "${clip(s)}"`;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) return `column "${column}": expected a number of ${unit} of at least 0, got ${clip(s)}`;
  return n;
}

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 17)}...` : s);
