import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { presets } from '../../lessons/presets';
import { History } from '../../sim/history';
import { parseScenario } from '../../sim/scenario';
import { buildFrame } from '../../worker/frameBuilder';
import { layoutTopology } from './layout';
import { phaseOf, sandboxLegend } from './sandboxStyle';
import { formatMb, hostLabel, hostTitle, sandboxLabel } from './text';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

function burstFrame() {
  const h = new History(parseScenario(presets.find((p) => p.id === 'burst')!.scenario));
  h.advanceTo(35_000);
  return buildFrame(h, 1);
}

describe('the topology view’s words', () => {
  it('name states, hosts and memory in English', () => {
    expect(phaseOf('initializing.bootingRuntime')).toBe('cold start: booting the runtime');
    expect(phaseOf('someNewState')).toBe('someNewState');
    expect([512, 1536, 10_240].map(formatMb)).toEqual(['512 MB', '1.5 GB', '10 GB']);
    const host = { id: 2, memoryMb: 16_384, usedMb: 6144 } as Parameters<typeof hostLabel>[0];
    expect(hostLabel(host)).toBe('Worker 2: 6 GB of 16 GB in use');
    expect(hostTitle(host)).toBe('Worker 2 · 38% of 16 GB');
  });

  it('name them in French, with French numbers, plurals and units', async () => {
    await i18n.changeLanguage('fr');
    expect(phaseOf('idle')).toBe('inactive (gelée, à chaud)');
    expect([512, 1536].map(formatMb)).toEqual(['512 Mo', '1,5 Go']);
    const host = { id: 2, memoryMb: 16_384, usedMb: 6144 } as Parameters<typeof hostLabel>[0];
    expect(hostLabel(host)).toBe('Hôte 2 : 6 Go utilisés sur 16 Go');
    expect(hostTitle(host)).toBe('Hôte 2 · 38\u00a0% de 16 Go');
    expect(sandboxLegend().map((l) => l.text)[0]).toMatch(/^Démarrage à froid \(hachuré\)/);

    const frame = burstFrame();
    const sb = frame.sandboxes[0]!;
    expect(sandboxLabel({ ...sb, invocations: 0 }, frame)).toMatch(/^Sandbox \d+ de \S+ : .+, 0 invocation$/);
    expect(sandboxLabel({ ...sb, invocations: 3 }, frame)).toMatch(/, 3 invocations$/);
    expect(layoutTopology(frame, 800).guests.map((g) => g.label).join(' | ')).toMatch(/\d+ microVM\b/);
  });
});
