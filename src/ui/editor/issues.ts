import { getLang, i18n, type Lang } from '../../i18n';
import { hybridFigures } from '../../sim/policies/hybridHistogram';
import { formatPath, type ScenarioIssue } from '../../sim/scenario';
import { pathKey, type DraftPath } from './paths';

/**
 * Which field shows which problem. The schema reports a path for each problem; the editor shows
 * it beside the input for that path, or beside the nearest control that owns it (an unknown key
 * inside a distribution goes to its type select, a bad minute of counts to the counts field).
 * What no field owns (the version, platform settings the editor does not show, a draft that is
 * not an object) goes to the list at the top, so no problem is ever hidden. The schema's own
 * messages are shown as they come; only the item names ("minute 3") are in the interface's language.
 */

/** Where one problem is shown: the field key, and a prefix naming the item when it is one entry of a list field. */
export interface IssueSlot {
  key: string;
  item?: string;
}

const functionFields = new Set(['name', 'account', 'memoryMb', 'timeoutMs', 'packageMb', 'reservedConcurrency', 'provisionedConcurrency', 'invocation', 'failureRate', 'cpuBoundFraction', 'gateway', 'snapStart']);
const distFields = new Set(['ms', 'meanMs', 'medianMs', 'sigma']);
const percentileKeys = new Set(['p0', 'p1', 'p25', 'p50', 'p75', 'p99', 'p100']);
const workloadFields = new Set(['ratePerSec', 'everyMs', 'offsetMs']);
const platformFields = new Set(['hosts', 'hostMemoryMb', 'isolation', 'placement']);
/** The hybrid keep-alive's parameters and the warm pool's fields (HybridFields.tsx, WarmPoolFields.tsx). */
const hybridKeys = new Set<string>(Object.keys(hybridFigures));
const warmPoolKeys = new Set(['size', 'sandboxMb', 'assignMs', 'activePerFunction']);
const billingKeys = new Set(['granularityMs', 'pricePerGbSecond', 'pricePerMillionRequests', 'provisionedPricePerGbSecond', 'provisionedDurationPricePerGbSecond']);

const slot = (path: DraftPath, item?: string): IssueSlot => (item === undefined ? { key: pathKey(path) } : { key: pathKey(path), item });

function distributionSlot(base: DraftPath, rest: DraftPath): IssueSlot | null {
  const [k, sub] = rest;
  if (k === undefined || k === 'dist') return slot([...base, 'dist']);
  if (rest.length === 1 && typeof k === 'string' && distFields.has(k)) return slot([...base, k]);
  if (k === 'percentiles' && rest.length === 1) return slot([...base, 'percentiles']);
  if (k === 'percentiles' && rest.length === 2 && typeof sub === 'string' && percentileKeys.has(sub)) return slot([...base, 'percentiles', sub]);
  return null;
}

function workloadSlot(base: DraftPath, rest: DraftPath, lang: Lang): IssueSlot | null {
  const t = i18n.getFixedT(lang);
  const [k, j, sub] = rest;
  if (k === undefined || k === 'type') return slot([...base, 'type']);
  if (rest.length === 1 && typeof k === 'string' && workloadFields.has(k)) return slot([...base, k]);
  if (k === 'steps' && j === undefined) return slot([...base, 'steps']);
  if (k === 'steps' && typeof j === 'number' && (sub === 'atMs' || sub === 'ratePerSec') && rest.length === 3) return slot([...base, 'steps', j, sub]);
  if (k === 'steps' && typeof j === 'number') return slot([...base, 'steps'], t('editor.workload.step', { n: j + 1 }));
  if (k === 'counts' && j === undefined) return slot([...base, 'counts']);
  if (k === 'counts' && typeof j === 'number') return slot([...base, 'counts'], t('editor.workload.minute', { n: j + 1 }));
  return null;
}

/** A provisioned-concurrency schedule (ScheduleField.tsx): its steps, their times and counts, the repeat. */
function scheduleSlot(base: DraftPath, rest: DraftPath, lang: Lang): IssueSlot | null {
  const t = i18n.getFixedT(lang);
  const [k, j, sub] = rest;
  // The schedule as a whole (not an object, an unknown key, a repeat shorter than the steps).
  if (k === undefined) return slot(base);
  if (k === 'repeatEveryMs' && j === undefined) return slot([...base, k]);
  if (k === 'steps' && j === undefined) return slot([...base, 'steps']);
  if (k === 'steps' && typeof j === 'number' && (sub === 'atMs' || sub === 'count') && rest.length === 3) return slot([...base, 'steps', j, sub]);
  if (k === 'steps' && typeof j === 'number') return slot([...base, 'steps'], t('editor.workload.step', { n: j + 1 }));
  return null;
}

function functionSlot(i: number, rest: DraftPath, lang: Lang): IssueSlot {
  const base = ['functions', i] as const;
  const [k, ...sub] = rest;
  let found: IssueSlot | null = null;
  if (k === undefined) found = slot(base);
  else if (typeof k === 'string' && functionFields.has(k) && sub.length === 0) found = slot([...base, k]);
  else if (k === 'initMs' || k === 'durationMs') found = distributionSlot([...base, k], sub);
  else if (k === 'workload') found = workloadSlot([...base, k], sub, lang);
  else if (k === 'provisionedSchedule') found = scheduleSlot([...base, k], sub, lang);
  else if (k === 'gateway' && sub.length === 1 && (sub[0] === 'ratePerSec' || sub[0] === 'burst')) found = slot([...base, k, sub[0]]);
  // Anything else inside a function is shown at the top of that function's section.
  return found ?? slot(base, formatPath(rest));
}

/** The field that shows a problem at `path`, or null when it belongs in the list at the top. */
export function issueSlot(path: DraftPath, lang: Lang = getLang()): IssueSlot | null {
  const [head, a, b, c] = path;
  if (path.length === 1 && (head === 'name' || head === 'seed' || head === 'durationMs')) return slot(path);
  if (head === 'platform') {
    if (path.length === 2 && typeof a === 'string' && platformFields.has(a)) return slot(path);
    if (a === 'keepAlive' && (b === undefined || b === 'policy')) return slot(['platform', 'keepAlive', 'policy']);
    if (a === 'keepAlive' && b === 'idleMs' && c === undefined) return slot(path);
    if (a === 'keepAlive' && typeof b === 'string' && hybridKeys.has(b) && c === undefined) return slot(path);
    // The warm pool as a whole goes to its on/off checkbox; each field to its input.
    if (a === 'warmPool' && b === undefined) return slot(path);
    if (a === 'warmPool' && typeof b === 'string' && warmPoolKeys.has(b) && c === undefined) return slot(path);
    if (a === 'limits' && b === 'accountConcurrency' && c === undefined) return slot(path);
    // The billing and retry fields (CostFields.tsx); the editor shows no field for the others (cold-start phases, hops).
    if (a === 'billing' && typeof b === 'string' && c === undefined && billingKeys.has(b)) return slot(path);
    if (a === 'async' && (b === 'errorRetries' || b === 'errorRetryBaseMs' || b === 'retryBaseMs') && c === undefined) return slot(path);
    return null;
  }
  if (head === 'accounts') {
    if (a === undefined) return slot(['accounts']);
    if (typeof a === 'number' && (b === undefined || b === 'id') && c === undefined) return slot(['accounts', a, 'id']);
    return null;
  }
  if (head === 'functions') {
    if (a === undefined) return slot(['functions']);
    if (typeof a === 'number') return functionSlot(a, path.slice(2), lang);
  }
  return null;
}

/** The problems of a draft, sorted by where the editor shows them. */
export interface PlacedIssues {
  /** The problem lines shown beside the field with this key, path prefix removed. */
  at(key: string): readonly string[];
  /** How many problems are shown inside the section with this key (e.g. `functions.1`). */
  countUnder(key: string): number;
  /** Problems no field owns, with their full message. */
  unplaced: readonly ScenarioIssue[];
  total: number;
}

/** The message without its leading `path: ` (the field beside it already says where). */
export function withoutPath(issue: ScenarioIssue): string {
  const prefix = `${formatPath(issue.path)}: `;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

export function placeIssues(issues: readonly ScenarioIssue[], lang: Lang = getLang()): PlacedIssues {
  const t = i18n.getFixedT(lang);
  const byKey = new Map<string, string[]>();
  const unplaced: ScenarioIssue[] = [];
  for (const issue of issues) {
    const where = issueSlot(issue.path, lang);
    if (!where) {
      unplaced.push(issue);
      continue;
    }
    const text = where.item === undefined ? withoutPath(issue) : t('editor.itemProblem', { item: where.item, problem: withoutPath(issue) });
    const list = byKey.get(where.key);
    if (list) list.push(text);
    else byKey.set(where.key, [text]);
  }
  const none: readonly string[] = [];
  return {
    at: (key) => byKey.get(key) ?? none,
    countUnder: (key) => {
      let n = 0;
      for (const [k, list] of byKey) if (k === key || k.startsWith(`${key}.`)) n += list.length;
      return n;
    },
    unplaced,
    total: issues.length,
  };
}
