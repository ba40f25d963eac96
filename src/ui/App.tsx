import { useState } from 'react';
import { presets } from '../lessons/presets';
import type { RunResult } from '../worker/api';
import { simWorker } from '../worker/client';
import { MetricsTable } from './MetricsTable';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

export function App() {
  const [presetId, setPresetId] = useState(presets[0]!.id);
  const [text, setText] = useState(() => pretty(presets[0]!.scenario));
  const [result, setResult] = useState<RunResult | { ok: false; issues: string[] } | null>(null);
  const [running, setRunning] = useState(false);

  const choosePreset = (id: string) => {
    const preset = presets.find((p) => p.id === id)!;
    setPresetId(id);
    setText(pretty(preset.scenario));
    setResult(null);
  };

  const run = async () => {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      // The text stays as typed: nothing the user wrote is lost.
      setResult({ ok: false, issues: [`(scenario): not valid JSON: ${(e as Error).message}`] });
      return;
    }
    setRunning(true);
    try {
      setResult(await simWorker().run(input));
    } catch (e) {
      setResult({ ok: false, issues: [`the simulation stopped: ${(e as Error).message}`] });
    } finally {
      setRunning(false);
    }
  };

  const preset = presets.find((p) => p.id === presetId)!;
  return (
    <main className="app">
      <header>
        <h1>FaaScope</h1>
        <p className="tagline">Inside a serverless platform: requests, sandboxes, cold starts and costs.</p>
      </header>
      <section className="controls" aria-label="Scenario">
        <label>
          Preset{' '}
          <select value={presetId} onChange={(e) => choosePreset(e.target.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <p className="summary">{preset.summary}</p>
        <label className="editor">
          Scenario (JSON)
          <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={16} />
        </label>
        <button type="button" onClick={run} disabled={running}>
          {running ? 'Running…' : 'Run'}
        </button>
      </section>
      <section aria-label="Results">
        <div role="status" aria-live="polite" className="status">
          {running && 'Running the scenario in the simulation worker…'}
          {!running && result?.ok && `Simulated ${(result.report.simulatedMs / 1000).toLocaleString('en-US')} s: ${result.report.requests.total.toLocaleString('en-US')} requests, ${result.report.requests.cold.toLocaleString('en-US')} cold starts, in ${result.wallMs.toFixed(0)} ms.`}
        </div>
        {result && !result.ok && (
          <div role="alert" className="issues">
            <p>The scenario has problems:</p>
            <ul>
              {result.issues.map((i) => (
                <li key={i}>
                  <code>{i}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        {result?.ok && <MetricsTable report={result.report} />}
      </section>
    </main>
  );
}
