import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The page's Content-Security-Policy (index.html) refuses eval and inline script; this keeps the
 * source from needing them, and from writing data into the DOM as HTML. It reads every source
 * file (tests excluded) for the real ways code gets run from a string or markup gets parsed
 * from data. The e2e test e2e/security.spec.ts checks the built site in the browser.
 */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'eval', pattern: /(?<![\w.])eval\s*\(/ },
  { name: 'new Function / Function(string)', pattern: /\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(\s*['"`]/ },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'innerHTML / outerHTML assignment', pattern: /\.(?:inner|outer)HTML\s*\+?=/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\s*\(/ },
  { name: 'DOMParser on text/html', pattern: /parseFromString\s*\([^)]*text\/html/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  { name: 'inline event handler attribute', pattern: /setAttribute\(\s*['"`]on[a-z]+['"`]/ },
  // A style attribute written as text is refused by the CSP (style-src has no 'unsafe-inline');
  // el.style.x = … and D3's .style() go through the CSSOM, which is allowed.
  { name: 'style attribute as text', pattern: /(?:setAttribute|\.attr)\(\s*['"`]style['"`]/ },
  // D3's dsv parsers build their row objects with `new Function`.
  { name: 'd3 csvParse/tsvParse/dsvFormat', pattern: /\b(?:csvParse|tsvParse|dsvFormat|csvParseRows|tsvParseRows)\b/ },
  // A module loaded from a string or another site.
  { name: 'import() of a data:/blob:/http URL', pattern: /\bimport\s*\(\s*['"`](?:data:|blob:|https?:)/ },
  { name: 'Worker from blob:/data:', pattern: /new\s+(?:Shared)?Worker\s*\(\s*(?:['"`](?:data:|blob:)|URL\.createObjectURL)/ },
];

/** The problems in one file's text: `name: line` for each forbidden pattern found. */
export function findForbidden(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const { name, pattern } of FORBIDDEN) if (pattern.test(code)) found.push(`${name}: line ${i + 1}`);
  });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(test|fuzz\.test)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('no code from strings, no HTML from data', () => {
  it('catches each pattern it looks for', () => {
    const bad = [
      'eval(text)',
      'const f = new Function("a", body)',
      "Function('return this')()",
      "setTimeout('tick()', 10)",
      'el.innerHTML = label',
      'el.outerHTML += x',
      "el.insertAdjacentHTML('beforeend', row)",
      '<div dangerouslySetInnerHTML={{ __html: s }} />',
      'document.write(s)',
      'range.createContextualFragment(s)',
      "new DOMParser().parseFromString(s, 'text/html')",
      'frame.srcdoc = s',
      "el.setAttribute('onclick', code)",
      "copy.setAttribute('style', css)",
      "sel.attr('style', css)",
      'const rows = d3.csvParse(text)',
      "await import('data:text/javascript,1')",
      'new Worker(URL.createObjectURL(blob))',
    ];
    for (const line of bad) expect(findForbidden(line), line).toHaveLength(1);
    const fine = ['retrieval(x)', 'x.medieval(1)', "el.style.setProperty('opacity', '0')", "sel.style('opacity', 0)", 'el.textContent = label', "setTimeout(() => run(), 300)", '// eval(text) in a comment', "new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })"];
    for (const line of fine) expect(findForbidden(line), line).toEqual([]);
  });

  it('the source has none of them', () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => findForbidden(readFileSync(f, 'utf8')).map((p) => `${relative('.', f)}: ${p}`));
    expect(problems).toEqual([]);
  });
});
