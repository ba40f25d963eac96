/**
 * Small hand-made lessons for the panel's tests: they do not depend on the real lesson texts,
 * so the tests say what the panel does whatever the lessons say.
 */
import { presets } from '../../lessons/presets';
import type { Lesson } from '../../lessons/types';
import type { RunReport } from '../../sim/meters';
import type { ScenarioInput } from '../../sim/scenario';

const baseScenario: ScenarioInput = structuredClone(presets[0]!.scenario);

/** A run report with only the numbers these lessons read. */
export const fakeReport = (coldStarts: number) => ({ requests: { cold: coldStarts } }) as unknown as RunReport;

export const alpha: Lesson = {
  id: 'alpha',
  title: { en: 'Alpha lesson', fr: 'Leçon alpha' },
  body: [
    { en: 'First paragraph.', fr: 'Premier paragraphe.' },
    { en: 'Second paragraph, with a figure.', fr: 'Second paragraphe, avec un chiffre.' },
  ],
  sources: ['Someone et al., Somewhere 2020'],
  scenario: { ...baseScenario, name: 'alpha scenario' },
  panels: ['plane'],
  steps: [
    { text: { en: 'Look at the first request.', fr: 'Regardez la première requête.' }, target: { kind: 'time', atMs: 1000 } },
    { text: { en: 'Nothing moves here.', fr: 'Rien ne bouge ici.' } },
    {
      text: { en: 'Watch it play.', fr: 'Regardez-la jouer.' },
      target: { kind: 'transition', entity: 'sandbox', to: 'idle' },
      playAt: 10,
      predict: {
        question: { en: 'Shorter keep-alive: more cold starts?', fr: 'Maintien plus court : plus de démarrages à froid ?' },
        choices: [
          { id: 'more', label: { en: 'More', fr: 'Plus' } },
          { id: 'same', label: { en: 'The same', fr: 'Autant' } },
        ],
        variantLabel: { en: 'keep-alive 10 → 1 min', fr: 'maintien 10 → 1 min' },
        variant: (base) => ({ ...base, name: 'alpha variant' }),
        answer: (b, v) => (v.requests.cold > b.requests.cold ? 'more' : 'same'),
        explain: (b, v, lang) => (lang === 'fr' ? `${b.requests.cold} puis ${v.requests.cold} démarrages à froid.` : `${b.requests.cold} then ${v.requests.cold} cold starts.`),
      },
    },
  ],
};

export const beta: Lesson = {
  id: 'beta',
  title: { en: 'Beta lesson', fr: 'Leçon bêta' },
  body: [{ en: 'Beta text.', fr: 'Texte bêta.' }],
  sources: [],
  scenario: { ...baseScenario, name: 'beta scenario' },
  panels: ['plane'],
  steps: [{ text: { en: 'The only step.', fr: 'La seule étape.' } }],
};

export const testLessons = [alpha, beta];
