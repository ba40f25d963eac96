import type { TFunction } from 'i18next';
import type { Lang } from '../../i18n';
import { formatCount, formatFixed } from '../format';
import type { FieldProblem } from './policies';
import { policyName } from './policies';

const num = (v: number, lang: Lang) => (Number.isInteger(v) ? formatCount(v, lang) : formatFixed(v, 2, lang));

/** A field's problem as a sentence naming the field and what to enter instead. */
export function problemText(t: TFunction, lang: Lang, field: string, p: FieldProblem, value: string): string {
  switch (p.kind) {
    case 'notNumber':
      return t('lab.problems.notNumber', { field, value });
    case 'range':
      return t('lab.problems.range', { field, min: num(p.min, lang), max: num(p.max, lang) });
    case 'integer':
      return t('lab.problems.integer', { field, min: num(p.min, lang), max: num(p.max, lang) });
    case 'headAboveTail':
      return t('lab.problems.headAboveTail', { field });
    case 'tooManyBins':
      return t('lab.problems.tooManyBins', { field, max: num(p.max, lang) });
  }
}

/** A policy's name in the interface's language. */
export function policyLabel(t: TFunction, id: string, label: string): string {
  const { key, values } = policyName(id, label);
  return t(`lab.policies.${key}`, values);
}
