/**
 * Keys typed into a field belong to the field, not to the page's shortcuts. Sliders, checkboxes,
 * radios and buttons are not typed into: the shortcuts may see their keys (each handler then
 * leaves the ones the control uses itself, e.g. Space on a button, arrows on a slider).
 */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  return tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type);
}
