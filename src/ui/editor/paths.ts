/**
 * Paths into a draft scenario, and immutable updates along them. A draft is whatever the user
 * has typed so far (it may not validate), so every reader here tolerates missing or odd values.
 */

/** A path into the draft, as zod reports it: `['functions', 0, 'memoryMb']`. */
export type DraftPath = readonly (string | number)[];

/** The key a field and its issues share: `functions.0.memoryMb`. */
export const pathKey = (path: DraftPath): string => path.join('.');

/** A string usable in an element id (`useId` prefixes are added by the caller). */
export const domKey = (path: DraftPath): string => (path.length === 0 ? 'root' : path.join('-').replace(/[^A-Za-z0-9_-]/g, '_'));

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The array at `v`, or an empty one when the draft holds something else there. */
export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

export function getIn(root: unknown, path: DraftPath): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path`; containers on the way are copied, never mutated,
 * and created when missing (an array for a numeric key). `undefined` removes the key, so an
 * optional field left empty disappears from the draft instead of holding `undefined`.
 */
export function setIn(root: unknown, path: DraftPath, value: unknown): unknown {
  if (path.length === 0) return value;
  if (value === undefined && !hasPath(root, path)) return root;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const child = setIn(getIn(root, [key]), rest, value);
  if (typeof key === 'number') {
    const copy = Array.isArray(root) ? [...root] : [];
    if (child === undefined && rest.length === 0) copy.splice(key, 1);
    else copy[key] = child;
    return copy;
  }
  const copy: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  if (child === undefined && rest.length === 0) delete copy[key];
  else copy[key] = child;
  return copy;
}

function hasPath(root: unknown, path: DraftPath): boolean {
  const parent = getIn(root, path.slice(0, -1));
  return typeof parent === 'object' && parent !== null && Object.hasOwn(parent, path[path.length - 1]!);
}

/** A copy of `root` without the key or array element at `path`. */
export const removeIn = (root: unknown, path: DraftPath): unknown => setIn(root, path, undefined);
