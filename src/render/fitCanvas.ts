/**
 * Gives a canvas a bitmap of `width` × `height` CSS pixels at the screen's pixel ratio, and
 * returns that ratio. Resizing reallocates the bitmap (and blanks it, resetting the context's
 * state), so it is done only when the size changed.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): number {
  const dpr = globalThis.devicePixelRatio ?? 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  return dpr;
}
