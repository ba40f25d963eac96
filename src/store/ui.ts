import { create } from 'zustand';

/**
 * How the page looks, apart from what the simulation shows: the colour theme, presenter mode
 * (a lecture on a projector), the shortcut help and the compact embed layout. No simulation
 * state here. Browser APIs are used only when present, so the store also loads in tests, in
 * private windows (localStorage may throw) and in browsers without the Fullscreen API.
 */
export type Theme = 'light' | 'dark';

/** Where the chosen theme is remembered. */
export const THEME_STORAGE_KEY = 'faascope.theme';

export interface UiState {
  theme: Theme;
  /** Presenter mode: full screen, large type, thick strokes, high contrast, fewer panels. */
  presenter: boolean;
  /** The keyboard shortcut help is open. */
  helpOpen: boolean;
  /** The page is embedded in a course page (`?embed=1`): the views and the play control only. */
  embed: boolean;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  setPresenter: (on: boolean) => void;
  togglePresenter: () => void;
  setHelp: (open: boolean) => void;
  toggleHelp: () => void;
  setEmbed: (embed: boolean) => void;
}

const isTheme = (v: unknown): v is Theme => v === 'light' || v === 'dark';

function storedTheme(): Theme | null {
  try {
    const v = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return isTheme(v) ? v : null;
  } catch {
    return null; // storage disabled
  }
}

function rememberTheme(theme: Theme): void {
  try {
    globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
}

function darkQuery(): MediaQueryList | null {
  try {
    return typeof globalThis.matchMedia === 'function' ? globalThis.matchMedia('(prefers-color-scheme: dark)') : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the system's preference, else light. */
export function initialTheme(): Theme {
  return storedTheme() ?? (darkQuery()?.matches ? 'dark' : 'light');
}

function applyTheme(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = theme;
}

/** Whether presenter mode put the page in full screen (so leaving one leaves the other). */
let ownFullscreen = false;

function enterFullscreen(): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (typeof root.requestFullscreen !== 'function' || document.fullscreenElement) return;
  try {
    // Refused without a user gesture or in an iframe without permission: presenter mode still applies.
    Promise.resolve(root.requestFullscreen()).then(
      () => {
        ownFullscreen = true;
      },
      () => undefined,
    );
  } catch {
    // Older engines throw instead of rejecting.
  }
}

function exitFullscreen(): void {
  if (typeof document === 'undefined' || !ownFullscreen) return;
  ownFullscreen = false;
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  try {
    Promise.resolve(document.exitFullscreen()).catch(() => undefined);
  } catch {
    // Already left.
  }
}

export const useUi = create<UiState>((set, get) => ({
  theme: initialTheme(),
  presenter: false,
  helpOpen: false,
  embed: false,
  setTheme: (theme) => {
    rememberTheme(theme);
    applyTheme(theme);
    set({ theme });
  },
  toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
  setPresenter: (on) => {
    if (on === get().presenter) return;
    if (on) enterFullscreen();
    else exitFullscreen();
    set({ presenter: on });
  },
  togglePresenter: () => get().setPresenter(!get().presenter),
  setHelp: (open) => set({ helpOpen: open }),
  toggleHelp: () => set({ helpOpen: !get().helpOpen }),
  setEmbed: (embed) => set({ embed }),
}));

applyTheme(useUi.getState().theme);

if (typeof document !== 'undefined') {
  // Esc (or the browser's own control) leaves full screen: leave presenter mode with it.
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement || !ownFullscreen) return;
    ownFullscreen = false;
    useUi.getState().setPresenter(false);
  });
}

// Until the user chooses, the theme follows the system's (a laptop switching to dark at night).
darkQuery()?.addEventListener?.('change', (e) => {
  if (storedTheme() !== null) return;
  applyTheme(e.matches ? 'dark' : 'light');
  useUi.setState({ theme: e.matches ? 'dark' : 'light' });
});
