import * as d3 from 'd3';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { format, numberLocale, plural, tickFormat } from './locale';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('numbers in the interface language', () => {
  it('writes English as d3 always has', () => {
    const en = numberLocale('en');
    for (const [spec, v] of [
      [',.3~r', 1234.5],
      ['$,.3~r', 0.0037],
      [',.0f', 1234567],
      ['.2~s', 45_300],
      ['.1%', 0.125],
    ] as const) {
      expect(en.format(spec)(v), spec).toBe(d3.format(spec)(v));
    }
  });

  it('writes French with a decimal comma, spaced thousands and symbols after the number', () => {
    const fr = numberLocale('fr');
    expect(fr.format(',.1f')(1234567.5)).toBe('1\u202f234\u202f567,5');
    expect(fr.format('$,.3~r')(0.0037)).toBe('0,0037\u00a0$');
    expect(fr.format('.1%')(0.125)).toBe('12,5\u00a0%');
  });

  it('follows the language switch', async () => {
    expect(format('.1f')(2.5)).toBe('2.5');
    await i18n.changeLanguage('fr');
    expect(format('.1f')(2.5)).toBe('2,5');
  });

  it('formats ticks with the precision d3-scale would pick', () => {
    for (const [domain, count, spec] of [
      [[0, 120], 6, undefined],
      [[0, 2.5], 5, undefined],
      [[0, 0.0006], 5, '$'],
      [[0, 40], 5, '$'],
      [[0, 1], 4, '%'],
    ] as const) {
      const scale = d3.scaleLinear().domain(domain);
      const ours = tickFormat(domain, count, spec);
      const theirs = scale.tickFormat(count, spec);
      for (const v of scale.ticks(count)) expect(ours(v), `${domain} ${spec}`).toBe(theirs(v));
    }
  });
});

describe('plural', () => {
  it('takes the singular for 1 in English and for 0 and 1 in French, the plural for a million in both', async () => {
    const legend = (n: number) => plural('render.charts.latency.warmLegend', n, { n: String(n) });
    expect([0, 1, 2, 1_000_000].map(legend)).toEqual(['Warm starts (0 requests)', 'Warm starts (1 request)', 'Warm starts (2 requests)', 'Warm starts (1000000 requests)']);
    await i18n.changeLanguage('fr');
    expect([0, 1, 2, 1_000_000].map(legend)).toEqual([
      'Démarrages à chaud (0 requête)',
      'Démarrages à chaud (1 requête)',
      'Démarrages à chaud (2 requêtes)',
      'Démarrages à chaud (1000000 requêtes)',
    ]);
  });
});
