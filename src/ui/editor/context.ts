import { createContext, useContext } from 'react';
import type { PlacedIssues } from './issues';
import type { DraftPath } from './paths';

/** What every field of one editor shares: the draft, its problems, and the way to change it. */
export interface EditorApi {
  draft: unknown;
  issues: PlacedIssues;
  /** From `useId`, so two editors on one page never share element ids. */
  idPrefix: string;
  /** Calls `onChange` with a copy of the draft holding `value` at `path` (`undefined` removes the key). */
  set(path: DraftPath, value: unknown): void;
  /** Calls `onChange` with `change(draft)`; `change` must return a new object, not mutate. */
  update(change: (draft: unknown) => unknown): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('editor fields must be rendered inside <ScenarioEditor>');
  return api;
}
