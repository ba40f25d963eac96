import { i18n } from '../../i18n';
import { translateOr } from '../locale';
import type { EdgeRoute } from './routes';
import type { StateGraphNode } from './graph';

/**
 * The words around the statechart's code names, in the interface's language. State and event
 * names stay the code's identifiers in every language (they are the model students read, and
 * what the engine runs); what a state does, and the glue of a tooltip ("on", "runs"), translate.
 */

/** The i18n key of a state's description: `render.statechart.descriptions.sandbox.initializing_fetchingCode`. */
export const descriptionKey = (machineId: string, stateId: string) => `render.statechart.descriptions.${machineId}.${stateId.replace(/\./g, '_')}`;

/**
 * What a state does, in the interface's language; the machine's own description (English) for a
 * state the messages do not know yet, so a state added to a machine is never drawn blank.
 */
export function stateDescription(machineId: string, node: Pick<StateGraphNode, 'id' | 'description'>): string {
  if (!node.description) return '';
  return translateOr(descriptionKey(machineId, node.id), node.description);
}

/** A state's tooltip: its name, and what it does. */
export function stateTooltip(machineId: string, node: Pick<StateGraphNode, 'id' | 'label' | 'description'>): string {
  const description = stateDescription(machineId, node);
  return description ? `${node.label}: ${description}` : node.label;
}

/** An arrow's tooltip: `idle → shuttingDown on KEEP_ALIVE_EXPIRED or HOST_RECYCLED`, with guards and actions. */
export function edgeTooltip(e: Pick<EdgeRoute, 'from' | 'to' | 'transitions'>): string {
  const events = e.transitions
    .map((t) => `${t.event}${t.guard ? ` [${t.guard}]` : ''}${t.actions.length ? i18n.t('render.statechart.runs', { actions: t.actions.join(', ') }) : ''}`)
    .join(i18n.t('render.statechart.edgeOr'));
  return i18n.t('render.statechart.edge', { from: e.from, to: e.to, events });
}

/** The initial marker's tooltip. */
export const initialTooltip = (stateId: string) => i18n.t('render.statechart.startsIn', { state: stateId });
