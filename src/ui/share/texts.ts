import type { Localized } from '../../i18n/types';
import { L } from '../../share/messages';

/**
 * The share menu's words, in English and French. Kept beside the menu rather than in the
 * interface's translation files: they are few, and several are built from parts (a file name,
 * a count), which `Localized` functions say more plainly than interpolation keys.
 */
export const T = {
  menu: L('Share & export', 'Partager et exporter'),
  copyLink: L('Copy link', 'Copier le lien'),
  copyEmbed: L('Copy embed code', "Copier le code d'intégration"),
  exportScenario: L('Export scenario (JSON)', 'Exporter le scénario (JSON)'),
  importScenario: L('Import scenario (JSON)…', 'Importer un scénario (JSON)…'),
  importInput: L('Scenario file to import', 'Fichier de scénario à importer'),
  chartsPng: L('Charts as an image (PNG)', 'Graphiques en image (PNG)'),
  chartsCsv: L('Charts data (CSV)', 'Données des graphiques (CSV)'),
  latencyCsv: L('Latency histogram data (CSV)', "Données de l'histogramme des latences (CSV)"),
  topologySvg: L('Topology as a drawing (SVG)', 'Topologie en dessin (SVG)'),
  topologyPng: L('Topology as an image (PNG)', 'Topologie en image (PNG)'),
  topologyPngWhy: L(
    'over 1,500 sandboxes are drawn as pixels, so the topology exports as PNG; SVG export is available below that size',
    'au-delà de 1 500 sandboxes, le dessin est en pixels : la topologie s’exporte en PNG ; l’export SVG est disponible en dessous de cette taille',
  ),

  linkCopied: L('Link copied.', 'Lien copié.'),
  linkCopiedWithProblems: L(
    'Link copied. The scenario has problems: whoever opens the link will see them, and the default scenario.',
    'Lien copié. Le scénario a des problèmes : la personne qui ouvre le lien les verra, avec le scénario par défaut.',
  ),
  embedCopied: L('Embed code copied: paste it into a course page.', "Code d'intégration copié : collez-le dans une page de cours."),
  clipboardRefused: L('The browser did not let FaaScope copy. Copy it from this field:', "Le navigateur n'a pas permis la copie. Copiez depuis ce champ :"),
  linkField: L('Link to this view', 'Lien vers cette vue'),
  embedField: L('Embed code', "Code d'intégration"),
  linkTooLong: L(
    'This scenario is too large to share as a link. Use Export scenario (JSON) and share the file instead.',
    'Ce scénario est trop volumineux pour un lien. Utilisez Exporter le scénario (JSON) et partagez le fichier.',
  ),
  saved: (file: string): Localized => L(`Saved ${file}.`, `${file} enregistré.`),
  savedWithProblems: (file: string): Localized =>
    L(`Saved ${file}. It has problems (listed in the editor): fix them before sharing it.`, `${file} enregistré. Il a des problèmes (listés dans l'éditeur) : corrigez-les avant de le partager.`),
  imported: (file: string): Localized => L(`Imported ${file}.`, `${file} importé.`),
  preparing: L('Preparing the picture…', "Préparation de l'image…"),
  noRun: L('Nothing to export yet: wait until the run has been drawn, then try again.', "Rien à exporter pour l'instant : attendez que la simulation soit dessinée, puis réessayez."),
  noTopology: L('The topology view is not on screen, so there is nothing to export.', "La vue topologie n'est pas affichée : il n'y a rien à exporter."),
  pictureFailed: (reason: string): Localized => L(`The picture could not be made (${reason}). Try the SVG or CSV export instead.`, `L'image n'a pas pu être créée (${reason}). Essayez plutôt l'export SVG ou CSV.`),
  editAnyway: L('Open it in the editor anyway', "L'ouvrir quand même dans l'éditeur"),
  dismiss: L('Dismiss', 'Fermer'),
  chartsHeading: (scenario: string, time: string): Localized => L(`${scenario} · at ${time}`, `${scenario} · à ${time}`),
} as const;
