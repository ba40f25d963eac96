/**
 * Writes that cost the page nothing when nothing changed. A view redrawn sixty times a second
 * writes mostly the same values again, and the browser does not compare: an attribute set to
 * its own value, or a text put back as it was, is styled and laid out again. A class needs no
 * helper: `classList.toggle(name, on)` writes nothing when the class is already so, while d3's
 * `classed` (add or remove) rewrites the attribute every time.
 */

/** Sets an attribute only when its value differs. */
export function setAttributeIfChanged(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/**
 * Writes an element's text only when it differs, into its existing text node where it has one:
 * `textContent =` would replace that node, and a node removed and inserted is styled and laid
 * out as new (each frame, for every count that moved).
 */
export function setTextIfChanged(node: Element, text: string): void {
  const only = node.firstChild;
  if (only !== null && only === node.lastChild && only.nodeType === 3 /* Node.TEXT_NODE */) {
    const t = only as Text;
    if (t.data !== text) t.data = text;
    return;
  }
  if (node.textContent !== text) node.textContent = text;
}

