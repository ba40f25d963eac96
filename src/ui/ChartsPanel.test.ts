// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { History } from '../sim/history';
import { fn, scenario } from '../sim/testkit';
import { latestFrame, setFrame } from '../store/latestFrame';
import { usePlayback } from '../store/playback';
import { buildFrame } from '../worker/frameBuilder';
import { ChartsPanel } from './ChartsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An IntersectionObserver the test drives: it says which charts are in sight. */
let observed: { cb: IntersectionObserverCallback; targets: Element[] } | null = null;
class FakeSight {
  constructor(cb: IntersectionObserverCallback) {
    observed = { cb, targets: [] };
  }
  observe(el: Element) {
    observed!.targets.push(el);
  }
  disconnect() {}
}
const setInSight = (i: number, isIntersecting: boolean) =>
  act(() => observed!.cb([{ target: observed!.targets[i]!, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver));

const h = new History(scenario({ durationMs: 60_000, functions: [fn({ workload: { type: 'poisson', ratePerSec: 5 } })] }));
const frameAt = (ms: number) => {
  h.seek(ms);
  return buildFrame(h, ms);
};

let root: Root;
let container: HTMLElement;
const svgs = () => [...container.querySelectorAll('.chart-cell svg')];
/** What each chart shows (its content changes with the frame). */
const pictures = () => svgs().map((s) => s.innerHTML);

beforeEach(async () => {
  vi.stubGlobal('IntersectionObserver', FakeSight);
  latestFrame.setState({ frame: null });
  usePlayback.setState({ playing: false });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(ChartsPanel)));
  await act(async () => setFrame(frameAt(10_000)));
  await act(() => new Promise((r) => setTimeout(r, 50)));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  usePlayback.setState({ playing: false });
  vi.unstubAllGlobals();
});

describe('the charts while playing', () => {
  it('skips a chart out of sight, and draws it the moment it comes into sight', async () => {
    expect(svgs()).toHaveLength(6);
    setInSight(0, false);
    const before = pictures();
    usePlayback.setState({ playing: true });
    await act(async () => setFrame(frameAt(40_000)));
    await act(() => new Promise((r) => setTimeout(r, 300)));
    const during = pictures();
    expect(during[0]).toBe(before[0]);
    expect(during[1]).not.toBe(before[1]);
    setInSight(0, true);
    expect(pictures()[0]).not.toBe(before[0]);
  });

  it('draws the charts it skipped when playback pauses, in idle moments after the Pause, not in its task', async () => {
    setInSight(2, false);
    setInSight(4, false);
    const before = pictures();
    usePlayback.setState({ playing: true });
    await act(async () => setFrame(frameAt(40_000)));
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(pictures()[2]).toBe(before[2]);
    act(() => usePlayback.setState({ playing: false }));
    expect(pictures()[2]).toBe(before[2]);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(pictures()[2]).not.toBe(before[2]);
    expect(pictures()[4]).not.toBe(before[4]);
  });
});

describe('the charts while paused', () => {
  it('draws a chart in sight with the frame, and one out of sight just after', async () => {
    setInSight(5, false);
    const before = pictures();
    act(() => setFrame(frameAt(50_000)));
    const now = pictures();
    expect(now[0]).not.toBe(before[0]);
    expect(now[5]).toBe(before[5]);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(pictures()[5]).not.toBe(before[5]);
  });
});
