// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The store as a fresh page load would create it (module state and all). */
async function load() {
  vi.resetModules();
  return (await import('./ui')).useUi;
}

const root = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // Fullscreen stand-ins defined by a test.
  delete (root as Partial<HTMLElement>).requestFullscreen;
  delete (document as Partial<Document>).exitFullscreen;
  delete (document as { fullscreenElement?: unknown }).fullscreenElement;
});

/** A system colour preference, as matchMedia reports it. */
function preferDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query.includes('dark'), media: query, addEventListener: () => {}, removeEventListener: () => {} }));
}

describe('the theme', () => {
  it('is remembered across page loads and applied to the root element', async () => {
    const first = await load();
    expect(first.getState().theme).toBe('light');
    first.getState().setTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem('faascope.theme')).toBe('dark');

    delete root.dataset.theme;
    const again = await load();
    expect(again.getState().theme).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('toggles between light and dark', async () => {
    const ui = await load();
    ui.getState().toggleTheme();
    expect(ui.getState().theme).toBe('dark');
    ui.getState().toggleTheme();
    expect(ui.getState().theme).toBe('light');
    expect(root.dataset.theme).toBe('light');
  });

  it("starts from the system's preference until the user chooses", async () => {
    preferDark(true);
    expect((await load()).getState().theme).toBe('dark');
    localStorage.setItem('faascope.theme', 'light');
    expect((await load()).getState().theme).toBe('light');
  });

  it('works where storage is refused (private mode): applied, just not remembered', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const ui = await load();
    expect(ui.getState().theme).toBe('light');
    expect(() => ui.getState().setTheme('dark')).not.toThrow();
    expect(root.dataset.theme).toBe('dark');
  });
});

describe('presenter mode', () => {
  it('toggles without the Fullscreen API', async () => {
    const ui = await load();
    expect('requestFullscreen' in root).toBe(false);
    expect(() => ui.getState().togglePresenter()).not.toThrow();
    expect(ui.getState().presenter).toBe(true);
    ui.getState().togglePresenter();
    expect(ui.getState().presenter).toBe(false);
  });

  it('stays on when full screen is refused (no user gesture), whether the refusal rejects or throws', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    const ui = await load();
    root.requestFullscreen = vi.fn(() => Promise.reject(new TypeError('Permissions check failed')));
    ui.getState().setPresenter(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.getState().presenter).toBe(true);

    ui.getState().setPresenter(false);
    root.requestFullscreen = vi.fn(() => {
      throw new TypeError('not allowed');
    });
    expect(() => ui.getState().setPresenter(true)).not.toThrow();
    expect(ui.getState().presenter).toBe(true);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(rejections).toEqual([]);
  });

  it('goes full screen, and leaving full screen (Esc) leaves presenter mode', async () => {
    const ui = await load();
    let fullscreen: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => fullscreen });
    root.requestFullscreen = vi.fn(async () => {
      fullscreen = root;
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    ui.getState().togglePresenter();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.requestFullscreen).toHaveBeenCalledTimes(1);
    expect(ui.getState().presenter).toBe(true);

    // The browser leaves full screen on Esc by itself and says so.
    fullscreen = null;
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(ui.getState().presenter).toBe(false);
  });

  it('leaves the full screen it entered when switched off', async () => {
    const ui = await load();
    let fullscreen: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => fullscreen });
    root.requestFullscreen = vi.fn(async () => {
      fullscreen = root;
    });
    document.exitFullscreen = vi.fn(async () => {
      fullscreen = null;
    });
    ui.getState().setPresenter(true);
    await new Promise((r) => setTimeout(r, 0));
    ui.getState().setPresenter(false);
    expect(document.exitFullscreen).toHaveBeenCalledTimes(1);
    expect(fullscreen).toBeNull();
  });
});
