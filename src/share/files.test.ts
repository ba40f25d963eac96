// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../lessons/presets';
import { download, jsonErrorPosition, MAX_SCENARIO_FILE_BYTES, readScenarioFile, scenarioFileName, scenarioToBlob } from './files';

const scenario = () => structuredClone(presets[0]!.scenario);
const fileOf = (text: string, name = 'demo.json') => new File([text], name, { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

describe('exporting a scenario', () => {
  it('names the file after the scenario, safe for any file system', () => {
    expect(scenarioFileName('One cold start, step by step')).toBe('one-cold-start-step-by-step.json');
    expect(scenarioFileName('Démarrage à froid: l’été / 2024')).toBe('demarrage-a-froid-l-ete-2024.json');
    expect(scenarioFileName('???')).toBe('scenario.json');
    expect(scenarioFileName('x'.repeat(300))).toBe(`${'x'.repeat(60)}.json`);
  });

  it('writes readable JSON that imports back to the same scenario', async () => {
    const draft = scenario();
    const text = await scenarioToBlob(draft).text();
    expect(text).toContain('\n  "version": 1,');
    expect(await readScenarioFile(fileOf(text))).toEqual({ ok: true, draft });
  });
});

describe('importing a scenario file', () => {
  it('refuses a file over 5 MB before reading it', async () => {
    const file = fileOf('{}', 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_SCENARIO_FILE_BYTES + 1 });
    const text = vi.spyOn(file, 'text');
    const r = await readScenarioFile(file);
    expect(r.ok).toBe(false);
    expect(text).not.toHaveBeenCalled();
    if (!r.ok) {
      expect(r.message.en).toContain('"huge.json" is too large for a scenario (5.1 MB; at most 5 MB)');
      expect(r.message.en).toContain('Your current scenario is unchanged.');
    }
  });

  it('points at the line and column of a JSON syntax error', async () => {
    const r = await readScenarioFile(fileOf('{\n  "version": 1,\n  "name": "x"\n  "seed": 2\n}'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.draft).toBeUndefined();
    expect(r.message.en).toMatch(/"demo\.json" is not valid JSON: line 4, column 3 /);
    expect(r.message.fr).toContain('ligne 4, colonne 3');
  });

  it('says the file is empty rather than "unexpected end of input"', async () => {
    const r = await readScenarioFile(fileOf('  \n'));
    expect(r.ok ? '' : r.message.en).toContain('"demo.json" is empty.');
  });

  it('lists the schema problems with their paths and still returns the draft for the editor', async () => {
    const draft = scenario();
    (draft.functions[0] as { memoryMb: unknown }).memoryMb = 'lots';
    const r = await readScenarioFile(fileOf(JSON.stringify(draft), 'broken.json'));
    expect(r).toMatchObject({ ok: false, draft });
    if (r.ok) return;
    expect(r.message.en).toContain('The scenario in "broken.json" has 1 problem: functions[0].memoryMb: expected an integer 128..10240, got "lots".');
    expect(r.message.en).toContain('open it in the editor');
  });

  it('reads a file saved with a byte-order mark', async () => {
    expect(await readScenarioFile(fileOf(`\uFEFF${JSON.stringify(scenario())}`))).toEqual({ ok: true, draft: scenario() });
  });
});

describe('where JSON.parse stopped', () => {
  it('reads the engines’ different wordings', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(jsonErrorPosition(text, "Expected ',' or '}' after property value in JSON at position 13")).toEqual({ line: 3, column: 3 });
    expect(jsonErrorPosition(text, 'JSON.parse: expected , at line 3 column 3 of the JSON data')).toEqual({ line: 3, column: 3 });
    expect(jsonErrorPosition(text, 'Unexpected end of JSON input')).toEqual({ line: 4, column: 2 });
  });
});

describe('download', () => {
  it('clicks a link carrying the file name, then releases the object URL', () => {
    vi.useFakeTimers();
    URL.createObjectURL = vi.fn(() => 'blob:faascope/1');
    URL.revokeObjectURL = vi.fn();
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    download(new Blob(['x']), 'demo.json');
    expect(clicked).toEqual([{ href: 'blob:faascope/1', download: 'demo.json' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:faascope/1');
    vi.useRealTimers();
  });
});
