/** The statechart view: the engine's XState machines drawn from their own definitions. */
export { machineGraph, entryLeaf, type MachineGraph, type StateGraphEdge, type StateGraphNode } from './graph';
export { layoutGraph, type GraphLayout, type LayoutOptions, type StateBox } from './layout';
export { renderStatechart, type StatechartRenderOptions, type StatechartState, type StateStyleFor } from './render';
export { requestStateStyle, sandboxStateStyle } from './styles';
export { formatCount } from './text';
export { paceFrames, type PacedFrames } from './pace';
export { stateDescription, stateTooltip } from './describe';
