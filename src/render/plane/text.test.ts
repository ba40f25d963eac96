import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { STATIONS, stationLabelLines } from './layout';
import { requestTitle, workerBoxLabel } from './text';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the plane view’s words', () => {
  it('name the stations in the course’s French, each within its box', async () => {
    expect(STATIONS.find((s) => s.id === 'lb')!.label).toBe('Load balancer');
    expect(stationLabelLines(STATIONS.find((s) => s.id === 'lb')!)).toEqual(['Load balancer']);
    await i18n.changeLanguage('fr');
    const names = Object.fromEntries(STATIONS.map((s) => [s.id, s.label]));
    expect(names).toMatchObject({ lb: 'Répartiteur de charge', frontend: 'Service frontal', counting: 'Service de comptage', wm: 'Gestionnaire de workers', placement: 'Service de placement', queue: 'File asynchrone' });
    // « Répartiteur de charge » does not fit on one line of its 122-px box: two lines, nothing lost.
    expect(stationLabelLines(STATIONS.find((s) => s.id === 'lb')!)).toEqual(['Répartiteur', 'de charge']);
    for (const s of STATIONS) expect(stationLabelLines(s).join(' ')).toBe(s.label);
  });

  it('label workers and requests in French', async () => {
    await i18n.changeLanguage('fr');
    expect(workerBoxLabel(0, 4, 1234)).toBe('Hôtes 0–4 · 1\u202f234 en exécution');
    expect(requestTitle({ id: 7, fn: 0, state: 'running', cold: true }, { functions: [{ index: 0, name: 'resize', account: 'a', memoryMb: 128, timeoutMs: 1000 }] })).toBe(
      'Requête 7 de resize : running (démarrage à froid)',
    );
  });
});
