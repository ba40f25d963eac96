// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { requestPath } from '../../machines/requestPath';
import { sandboxLifecycle } from '../../machines/sandboxLifecycle';
import { descriptionKey } from './describe';
import { machineGraph } from './graph';
import { layoutGraph } from './layout';
import { renderStatechart } from './render';

const graphs = [machineGraph(sandboxLifecycle), machineGraph(requestPath)];
const messageAt = (messages: object, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);

describe('state descriptions in the messages', () => {
  it.each(graphs.map((g) => [g.id, g] as const))('%s: English is the machine’s own text, and every described state has French', (_, graph) => {
    for (const node of graph.nodes.filter((n) => n.description)) {
      const key = descriptionKey(graph.id, node.id);
      expect(messageAt(en, key), key).toBe(node.description);
      expect(messageAt(fr, key), key).toEqual(expect.any(String));
      expect(messageAt(fr, key), key).not.toBe(node.description);
    }
  });

  it('has none for a state the machines do not have', () => {
    for (const graph of graphs) {
      const keys = Object.keys(messageAt(en, `render.statechart.descriptions.${graph.id}`) as object);
      expect(keys.sort()).toEqual(graph.nodes.filter((n) => n.description).map((n) => n.id.replace(/\./g, '_')).sort());
    }
  });
});

describe('the statechart in French', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('fr');
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('keeps the code’s state and event names, and explains them in French', () => {
    const graph = graphs[0]!;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    renderStatechart(svg, graph, layoutGraph(graph), { counts: { idle: 1200 }, highlight: null });
    expect(svg.querySelector('[data-state="idle"] .sc-label')!.textContent).toBe('idle');
    expect(svg.querySelector('[data-state="idle"] > title')!.textContent).toBe(`idle: ${fr.render.statechart.descriptions.sandbox.idle}`);
    expect(svg.querySelector('.sc-edge[data-edge="initializing|shuttingDown"] title')!.textContent).toBe('initializing → shuttingDown sur HOST_RECYCLED (exécute failWaitingRequest)');
    expect(svg.querySelector('.sc-initial title')!.textContent).toBe('Commence dans placing');
    // Badges count with a decimal comma.
    expect(svg.querySelector('[data-state="idle"] .sc-count')!.textContent).toBe('1,2k');
  });
});
