// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestFrame, setFrame } from '../store/latestFrame';
import { usePlayback } from '../store/playback';
import type { Frame } from '../worker/frame';
import { useFrame } from './useFrame';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A panel that shows the moment of the frame it was given (as the summary bar does, at 2 Hz). */
function Moment() {
  const frame = useFrame(2);
  return createElement('output', null, frame ? String(frame.t) : '');
}

const frameAt = (t: number) => ({ t }) as Frame;
let root: Root;
let container: HTMLElement;
const shown = () => container.querySelector('output')!.textContent;

beforeEach(() => {
  vi.useFakeTimers();
  vi.advanceTimersByTime(10_000); // the page has been open a while
  latestFrame.setState({ frame: null });
  usePlayback.setState({ playing: true });
  container = document.createElement('div');
  root = createRoot(container);
  act(() => root.render(createElement(Moment)));
});

afterEach(() => {
  act(() => root.unmount());
  usePlayback.setState({ playing: false });
  vi.useRealTimers();
});

describe('a panel fed by useFrame', () => {
  it('while playing, shows a new frame at most twice a second', () => {
    act(() => setFrame(frameAt(1_000)));
    expect(shown()).toBe('1000');
    act(() => setFrame(frameAt(1_016)));
    act(() => setFrame(frameAt(1_033)));
    expect(shown()).toBe('1000');
    act(() => vi.advanceTimersByTime(500));
    expect(shown()).toBe('1033');
  });

  it('shows the latest frame the moment playback pauses, as the clock does', () => {
    act(() => setFrame(frameAt(1_000)));
    act(() => setFrame(frameAt(1_050)));
    expect(shown()).toBe('1000');
    act(() => usePlayback.setState({ playing: false }));
    expect(shown()).toBe('1050');
    // Nothing left waiting: the timer that would have shown it later is gone.
    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe('1050');
  });
});
