import { i18n } from '../../i18n';
import type { Frame, PoolSandboxView, SandboxView } from '../../worker/frame';
import { format, percentSign, plural } from '../locale';
import { cachedText } from '../textCache';
import { phaseOf } from './sandboxStyle';

/**
 * The topology view's words, in the interface's language, for its titles, tooltips and
 * accessible names: hosts are "Worker 3" in English and "Hôte 3" in French (the course's
 * « hôtes (workers) »), memory "1.5 GB" and "1,5 Go".
 */

/** Memory as a person reads it: "512 MB", "1.5 GB", "10 GB". */
export function formatMb(mb: number): string {
  if (mb < 1024) return `${format('.0f')(mb)} ${i18n.t('render.units.mb')}`;
  return `${format(mb % 1024 === 0 ? '.0f' : '.1f')(mb / 1024)} ${i18n.t('render.units.gb')}`;
}

type Host = Frame['hosts'][number];

/** The title drawn in a host's box: "Worker 0 · 38% of 16 GB". */
export function hostTitle(h: Host): string {
  return cachedText(`topology.hostTitle|${h.id}|${h.usedMb}|${h.memoryMb}`, () => {
    const percent = `${format('.0f')((100 * h.usedMb) / h.memoryMb)}${percentSign()}`;
    return i18n.t('render.topology.hostTitle', { id: h.id, percent, memory: formatMb(h.memoryMb) });
  });
}

/** A host's tooltip and accessible name: "Worker 0: 6 GB of 16 GB in use". */
export function hostLabel(h: Host): string {
  return cachedText(`topology.host|${h.id}|${h.usedMb}|${h.memoryMb}`, () => i18n.t('render.topology.host', { id: h.id, used: formatMb(h.usedMb), total: formatMb(h.memoryMb) }));
}

/** A sandbox's tooltip and accessible name: "Sandbox 4 of resize: idle (frozen, warm), 3 invocations". */
export function sandboxLabel(sb: SandboxView, frame: Frame): string {
  const fn = frame.functions[sb.fn]!;
  return plural('render.topology.sandbox', sb.invocations, { id: sb.id, fn: fn.name, phase: phaseOf(sb.state), n: format(',.0f')(sb.invocations) });
}

/** A warm-pool sandbox's tooltip and accessible name: "Generic sandbox 2, no function yet (warm pool, ready to be assigned), 1 GB held". */
export function poolSandboxLabel(p: PoolSandboxView): string {
  return i18n.t('render.topology.pool.label', { id: p.id, phase: phaseOf(p.state), memory: formatMb(p.memoryMb) });
}
