import type { ImportOptions } from '../../worker/lab';
import { inRange, type FieldProblem } from './policies';

/** A day of the Azure 2019 trace has 1,440 minute columns. */
export const MINUTES_PER_DAY = 1440;

export interface ImportFormFields {
  firstMinute: string;
  lastMinute: string;
  maxPerFunction: string;
}

/** The import options the form asks for, or each field's problem. */
export function checkImportForm(f: ImportFormFields): { options: ImportOptions } | { problems: Partial<Record<keyof ImportFormFields, FieldProblem>> } {
  const problems: Partial<Record<keyof ImportFormFields, FieldProblem>> = {};
  const first = inRange(f.firstMinute, 1, MINUTES_PER_DAY, { integer: true });
  if (typeof first !== 'number') problems.firstMinute = first;
  const last = inRange(f.lastMinute, typeof first === 'number' ? first : 1, MINUTES_PER_DAY, { integer: true });
  if (typeof last !== 'number') problems.lastMinute = last;
  const max = inRange(f.maxPerFunction, 1, 1e9, { integer: true });
  if (typeof max !== 'number') problems.maxPerFunction = max;
  if (typeof first !== 'number' || typeof last !== 'number' || typeof max !== 'number') return { problems };
  return { options: { firstMinute: first, lastMinute: last, maxInvocationsPerFunction: max } };
}
