import type { Lang, Localized } from '../../i18n';

/**
 * The lessons panel's own words, in every language (the lesson texts bring theirs). Kept here,
 * not in en.ts / fr.ts, so the panel is self-contained. `{name}` marks a value filled by `fill`.
 */
export const labels = {
  heading: { en: 'Lessons', fr: 'Leçons' },
  loading: { en: 'Loading the lessons…', fr: 'Chargement des leçons…' },
  loadError: { en: 'The lessons could not be loaded ({error}).', fr: 'Impossible de charger les leçons ({error}).' },
  retry: { en: 'Try again', fr: 'Réessayer' },
  listIntro: {
    en: 'Each lesson loads its own scenario and takes the simulation to the moments that matter. Your progress is kept in this browser.',
    fr: 'Chaque leçon charge son propre scénario et mène la simulation aux moments qui comptent. Votre progression est conservée dans ce navigateur.',
  },
  completed: { en: 'completed', fr: 'terminée' },
  notStarted: { en: 'not started', fr: 'pas commencée' },
  stepsReached: { en: 'step {k} of {n}', fr: 'étape {k} sur {n}' },
  backToList: { en: 'All lessons', fr: 'Toutes les leçons' },
  text: { en: 'Text of the lesson', fr: 'Texte de la leçon' },
  sources: { en: 'Sources', fr: 'Sources' },
  steps: { en: 'Steps', fr: 'Étapes' },
  stepOf: { en: 'Step {k} of {n}', fr: 'Étape {k} sur {n}' },
  goToStep: { en: 'Go to step {k}', fr: 'Aller à l’étape {k}' },
  previous: { en: 'Previous step', fr: 'Étape précédente' },
  next: { en: 'Next step', fr: 'Étape suivante' },
  keyPageUp: { en: 'PgUp', fr: 'Pg préc' },
  keyPageDown: { en: 'PgDn', fr: 'Pg suiv' },
  moving: { en: 'Going to this moment…', fr: 'Déplacement vers ce moment…' },
  missing: {
    en: 'This moment does not happen in this run: was the scenario edited?',
    fr: 'Ce moment n’arrive pas dans cette exécution : le scénario a-t-il été modifié ?',
  },
  reload: { en: 'Reload the lesson’s scenario', fr: 'Recharger le scénario de la leçon' },
  predict: { en: 'Predict, then observe', fr: 'Prédire, puis observer' },
  experiment: { en: 'The experiment: {change}.', fr: 'L’expérience : {change}.' },
  run: { en: 'Run the experiment', fr: 'Lancer l’expérience' },
  runAgain: { en: 'Run the experiment again', fr: 'Relancer l’expérience' },
  running: { en: 'Running both scenarios…', fr: 'Exécution des deux scénarios…' },
  supports: { en: 'The simulation supports: “{choice}”.', fr: 'La simulation donne raison à : « {choice} ».' },
  matched: { en: 'Your prediction matched.', fr: 'Votre prédiction était juste.' },
  notMatched: { en: 'Your prediction (“{choice}”) did not match.', fr: 'Votre prédiction (« {choice} ») ne correspondait pas.' },
  earlier: {
    en: 'Earlier you predicted “{choice}”; the simulation supported “{answer}”.',
    fr: 'Vous aviez prédit « {choice} » ; la simulation a donné raison à « {answer} ».',
  },
  runFailed: { en: 'The experiment could not run: {error}', fr: 'L’expérience n’a pas pu s’exécuter : {error}' },
} satisfies Record<string, Localized>;

export type LabelKey = keyof typeof labels;

/** A label in `lang`, with its `{name}` placeholders filled. */
export function fill(key: LabelKey, lang: Lang, values: Record<string, string | number> = {}): string {
  const text = labels[key][lang] ?? labels[key].en;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
