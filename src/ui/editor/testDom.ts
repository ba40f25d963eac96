/**
 * Rendering the editor in jsdom without @testing-library: mount it in a stateful harness (as the
 * app does), then find controls the way a user does, by their visible label.
 */
import { act, createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ScenarioEditor } from './ScenarioEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A deep-frozen copy: an editor that mutates its draft throws instead of passing silently. */
export function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      Object.values(v).forEach(freeze);
      Object.freeze(v);
    }
  };
  freeze(copy);
  return copy;
}

export interface Mounted {
  container: HTMLElement;
  /** The draft as the last `onChange` left it. */
  readonly draft: unknown;
  /** How many times `onChange` was called. */
  readonly changes: number;
  unmount(): void;
}

export function mountEditor(initial: unknown): Mounted {
  const state = { draft: initial, changes: 0 };
  function Harness() {
    const [draft, setDraft] = useState<unknown>(initial);
    return createElement(ScenarioEditor, {
      draft,
      onChange: (next: unknown) => {
        state.draft = next;
        state.changes++;
        setDraft(next);
      },
    });
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(createElement(Harness)));
  return {
    container,
    get draft() {
      return state.draft;
    },
    get changes() {
      return state.changes;
    },
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The control whose visible <label> reads `text` (exactly), inside `scope`. */
export function control(scope: ParentNode, text: string): Control {
  const labels = [...scope.querySelectorAll('label')].filter((l) => l.textContent?.trim() === text);
  if (labels.length !== 1) throw new Error(`expected one label "${text}", found ${labels.length}`);
  const el = labels[0]!.ownerDocument.getElementById(labels[0]!.htmlFor);
  if (!el) throw new Error(`label "${text}" points at no element`);
  return el as Control;
}

/** The function section whose summary starts with `name`. */
export function functionSection(scope: ParentNode, name: string): HTMLDetailsElement {
  const found = [...scope.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent?.startsWith(name));
  if (!found) throw new Error(`no function section "${name}"`);
  return found;
}

/** The fieldset whose legend reads `text`. */
export function group(scope: ParentNode, text: string): HTMLFieldSetElement {
  const found = [...scope.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === text);
  if (!found) throw new Error(`no group "${text}"`);
  return found;
}

export function button(scope: ParentNode, text: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text || b.getAttribute('aria-label') === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** Replaces the control's text as typing would, firing the events React listens to. */
export function type(el: Control, text: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    el.focus();
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function choose(el: HTMLSelectElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

export function blur(el: HTMLElement): void {
  act(() => el.blur());
}

/** The text of what the control's `aria-describedby` points at: its problems and hint. */
export function description(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' | ');
}
