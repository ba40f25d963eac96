// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import { presets } from '../lessons/presets';
import { History } from '../sim/history';
import { parseScenario } from '../sim/scenario';
import { latestFrame, setFrame } from '../store/latestFrame';
import { ChartsPanel } from '../ui/ChartsPanel';
import { StatechartPanel } from '../ui/StatechartPanel';
import { buildFrame } from '../worker/frameBuilder';

/**
 * The drawn views are plain D3 and read the language when they draw: their panels must redraw
 * them when a user switches language, or the page would mix French controls and English charts.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

function mount(component: () => React.ReactNode) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(createElement(component)));
}

beforeEach(() => {
  act(() => setLang('en'));
  const h = new History(parseScenario(presets.find((p) => p.id === 'burst')!.scenario));
  h.advanceTo(45_000);
  setFrame(buildFrame(h, 1));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  latestFrame.setState({ frame: null });
  act(() => setLang('en'));
});

const texts = (selector: string) => [...container.querySelectorAll(selector)].map((el) => el.textContent);
/** Each chart's title, its wrapped lines joined. */
const chartTitles = () => [...container.querySelectorAll('.chart-title')].map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '));

describe('a switch of language', () => {
  it('redraws the charts in the new language, at once', () => {
    mount(ChartsPanel);
    expect(chartTitles()[0]).toBe('Request rate');
    act(() => setLang('fr'));
    expect(chartTitles()).toEqual(['Débit de requêtes', 'Taux de démarrages à froid', 'Sandboxes par état', 'Le compromis : mémoire inactive ou démarrages à froid', 'Coût cumulé', 'Latence, à chaud ou à froid']);
    expect(texts('.now-label')[0]).toBe('maintenant 45,0 s');
    expect(container.querySelector('section')!.getAttribute('aria-label')).toBe("Graphiques de l'exécution");
  });

  it('redraws the statecharts’ words, keeping the code’s state names', () => {
    mount(StatechartPanel);
    expect(texts('figcaption strong')).toEqual(['Sandbox lifecycle', 'Request path']);
    act(() => setLang('fr'));
    expect(texts('figcaption strong')).toEqual(["Cycle de vie d'une sandbox", "Parcours d'une requête"]);
    expect(container.querySelector('[data-state="idle"] .sc-label')!.textContent).toBe('idle');
    expect(container.querySelector('[data-state="idle"] > title')!.textContent).toMatch(/^idle: Gelée entre deux invocations/);
    expect(texts('.statechart-sr li')[0]).toMatch(/^placing : \d+ maintenant\. Le service de placement/);
  });
});
