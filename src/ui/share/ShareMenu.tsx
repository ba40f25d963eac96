import { useEffect, useId, useRef, useState } from 'react';
import { pick, useT } from '../../i18n';
import type { Localized } from '../../i18n/types';
import { useScenarioDraft } from '../../store/scenarioDraft';
import type { Feedback } from './exports';
import { ShareFeedback, type CopyField, type Problem } from './ShareFeedback';
import type { LessonPosition } from './sharedState';
import { T } from './texts';
import { useMenuButton } from './useMenuButton';
import './share.css';

export interface ShareMenuProps {
  /** Where the lecturer is in a lesson, read when a link is made (null: no lesson open). */
  lessonPosition?: () => LessonPosition | null;
}

/**
 * The exports (SVG and PNG rendering, CSV, the link encoder) are fetched when the menu is first
 * opened, not with the page: most visits never use them.
 */
const loadExports = () => import('./exports');

const ITEMS = ['link', 'embed', 'export', 'import', 'chartsPng', 'chartsCsv', 'latencyCsv', 'topology'] as const;
type ItemId = (typeof ITEMS)[number];

/** How long a confirmation stays on screen; problems stay until dismissed. */
const STATUS_MS = 6_000;

/**
 * "Share & export": a menu button with the link, the scenario file, and the pictures and data
 * of the views. Confirmations go to a polite live region, problems to an alert that stays
 * until dismissed; when the browser refuses the clipboard, the link appears in a selected
 * field to copy by hand.
 */
export function ShareMenu({ lessonPosition }: ShareMenuProps) {
  const { lang } = useT();
  const id = useId();
  const [status, setStatus] = useState<Localized | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [field, setField] = useState<CopyField | null>(null);
  // Read when the menu opens: above 1,500 sandboxes the topology is pixels, and exports as PNG.
  const [topology, setTopology] = useState<'svg' | 'png' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menu = useMenuButton(buttonRef, menuRef, () => void loadExports().then((m) => setTopology(m.topologyFormat())));

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const show = (f: Feedback | null) => {
    if (!f) return;
    setField(f.kind === 'copyField' ? { label: f.label, value: f.value } : null);
    setProblem(f.kind === 'alert' ? { text: f.text, ...(f.draft !== undefined && { draft: f.draft }) } : null);
    setStatus(f.kind === 'alert' ? null : f.text);
  };

  const label: Record<ItemId, Localized> = {
    link: T.copyLink,
    embed: T.copyEmbed,
    export: T.exportScenario,
    import: T.importScenario,
    chartsPng: T.chartsPng,
    chartsCsv: T.chartsCsv,
    latencyCsv: T.latencyCsv,
    topology: topology === 'png' ? T.topologyPng : T.topologySvg,
  };

  /** Runs an item. Called within the click, so the clipboard and the file picker see a user gesture. */
  const run = async (item: ItemId): Promise<Feedback | null> => {
    if (item === 'import') {
      fileRef.current?.click(); // within the click: the file picker needs the user's gesture
      return null;
    }
    const lesson = lessonPosition?.() ?? null;
    if (item === 'chartsPng') setStatus(T.preparing);
    const x = await loadExports();
    switch (item) {
      case 'link':
        return x.copyLink(lesson);
      case 'embed':
        return x.copyEmbedCode(lesson);
      case 'export':
        return x.exportScenario();
      case 'chartsPng':
        return x.exportChartsPng(lang);
      case 'chartsCsv':
        return x.exportChartsCsv(lang, 'series');
      case 'latencyCsv':
        return x.exportChartsCsv(lang, 'latency');
      case 'topology':
        return x.exportTopology();
    }
  };

  const choose = async (item: ItemId) => {
    menu.close(true);
    show(await run(item));
  };

  return (
    <div className="share">
      <button
        ref={buttonRef}
        type="button"
        id={`${id}-button`}
        className="share-button"
        aria-haspopup="menu"
        aria-expanded={menu.open}
        aria-controls={menu.open ? `${id}-menu` : undefined}
        onClick={menu.onButtonClick}
        onKeyDown={menu.onButtonKeyDown}
      >
        {pick(T.menu, lang)} <span aria-hidden="true">▾</span>
      </button>
      {menu.open && (
        <ul ref={menuRef} role="menu" id={`${id}-menu`} aria-labelledby={`${id}-button`} className="share-menu" onKeyDown={menu.onMenuKeyDown}>
          {ITEMS.map((item) => {
            const hint = item === 'topology' && topology === 'png' ? T.topologyPngWhy : null;
            return (
              <li key={item} role="none">
                <button type="button" role="menuitem" tabIndex={-1} onClick={() => void choose(item)} aria-describedby={hint ? `${id}-hint` : undefined}>
                  {pick(label[item], lang)}
                  {hint && (
                    <span id={`${id}-hint`} className="share-hint">
                      {pick(hint, lang)}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        aria-label={pick(T.importInput, lang)}
        tabIndex={-1}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire again
          if (file) void loadExports().then((x) => x.importScenario(file)).then(show);
        }}
      />
      <ShareFeedback
        status={status}
        problem={problem}
        field={field}
        onEditAnyway={(draft) => {
          useScenarioDraft.getState().replaceScenario(draft);
          setProblem(null);
        }}
        onDismissProblem={() => setProblem(null)}
        onDismissField={() => setField(null)}
      />
    </div>
  );
}
