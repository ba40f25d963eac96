import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';

/**
 * The ARIA menu-button pattern: the button opens the menu (↓ or click at the first item, ↑ at
 * the last), arrows, Home and End move between items, Escape closes and returns to the button,
 * Tab or a click elsewhere closes. The caller attaches the two refs to the button and the menu. Keys the menu uses are stopped there: on the page, arrows
 * and Home are playback shortcuts (step, reset the run).
 */
export function useMenuButton(buttonRef: RefObject<HTMLButtonElement | null>, menuRef: RefObject<HTMLElement | null>, onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  useEffect(() => {
    if (!open) return;
    const all = itemsOf(menuRef.current);
    (focusOnOpen.current === 'first' ? all[0] : all.at(-1))?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, buttonRef, menuRef]);

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    onOpen?.();
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonClick = () => (open ? close(false) : openMenu('first'));
  const onButtonKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    e.stopPropagation();
    openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
  };
  const onMenuKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Tab') {
      setOpen(false);
      return;
    }
    const all = itemsOf(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => all[(i + all.length) % all.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(all.length - 1),
      Escape: () => close(true),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return { open, close, onButtonClick, onButtonKeyDown, onMenuKeyDown };
}

const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
