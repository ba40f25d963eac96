import type { Sel } from './chartFrame';
import { textWidth } from './theme';

/**
 * Greedy word wrap by estimated width. Long labels ("Idle memory … what keep-alive costs the
 * provider") must stay whole in a narrow panel: a clipped legend loses the lesson.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text, one `<text>` each, keyed by line number, the first baseline at `y`. */
export function drawTextLines(g: Sel<SVGGElement>, lines: readonly string[], x: number, y: number, lineHeight: number): void {
  g.selectAll<SVGTextElement, string>('text')
    .data(lines)
    .join('text')
    .attr('x', x)
    .attr('y', (_, i) => y + i * lineHeight)
    .text((d) => d);
}
