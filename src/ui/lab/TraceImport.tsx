import { proxy } from 'comlink';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { SAMPLE_FILES } from '../../traces/synthetic';
import type { ImportProgress, TraceFileKind, TraceFiles } from '../../worker/lab';
import { formatCount } from '../format';
import { checkImportForm, MINUTES_PER_DAY, type ImportFormFields } from './importForm';
import { useLab } from './labStore';
import { labWorker, stillCurrent } from './labWorker';
import { problemText } from './messages';
import { CancelButton, JobEnding, LabField, LabProgress } from './parts';

const KINDS: TraceFileKind[] = ['invocations', 'durations', 'memory'];
/** Problems listed on the page; the rest are counted (a broken file can have thousands). */
const SHOWN_PROBLEMS = 50;
/** The sample, next to the page (a relative URL, so the app works from any sub-path). */
const SAMPLE_DIR = 'traces/azure-sample/';

/**
 * Importing one day of the Azure Functions 2019 trace: the files (or the synthetic sample),
 * the minutes and functions to keep, a progress bar while the lab worker reads them, then the
 * problems by line, the conversion's notes, and "Open as scenario".
 */
export function TraceImport() {
  const { t, lang } = useT();
  const form = useLab((s) => s.importForm);
  const job = useLab((s) => s.importJob);
  const failure = useLab((s) => s.importFailure);
  const set = useLab((s) => s.set);
  const replaceScenario = useScenarioDraft((s) => s.replaceScenario);
  const [files, setFiles] = useState<Partial<Record<TraceFileKind, File>>>({});
  const [opened, setOpened] = useState(false);
  const [missingInvocations, setMissingInvocations] = useState(false);

  const checked = checkImportForm(form);
  const fieldProblem = (f: keyof ImportFormFields, label: string) => ('problems' in checked && checked.problems[f] ? problemText(t, lang, label, checked.problems[f], form[f]) : undefined);
  const labels = { firstMinute: t('lab.import.firstMinute'), lastMinute: t('lab.import.lastMinute'), maxPerFunction: t('lab.import.maxPerFunction') };

  async function run(source: 'files' | 'sample') {
    if ('problems' in checked) return;
    let input: TraceFiles;
    if (source === 'files') {
      if (!files.invocations) {
        setMissingInvocations(true);
        return;
      }
      input = { invocations: files.invocations, durations: files.durations, memory: files.memory };
    } else {
      set({ importJob: { status: 'reading', progress: null, source: 'sample' }, importFailure: null });
      try {
        const fetched = await Promise.all(
          KINDS.map(async (k) => {
            const res = await fetch(new URL(SAMPLE_DIR + SAMPLE_FILES[k], document.baseURI));
            if (!res.ok) throw new Error(`${SAMPLE_FILES[k]}: HTTP ${res.status}`);
            return res.blob();
          }),
        );
        input = { invocations: fetched[0]!, durations: fetched[1], memory: fetched[2], names: { invocations: SAMPLE_FILES.invocations, durations: SAMPLE_FILES.durations, memory: SAMPLE_FILES.memory } };
      } catch (e) {
        set({ importJob: { status: 'failed', issues: [t('lab.import.fetchFailed', { error: (e as Error).message })] } });
        return;
      }
    }
    setOpened(false);
    set({ importJob: { status: 'reading', progress: null, source }, importFailure: null });
    const { api, generation } = labWorker();
    // Progress comes on a port of its own: a last report may arrive after the answer, and must
    // not turn a finished import back into a running one.
    let finished = false;
    try {
      const result = await api.importTrace(
        input,
        proxy((p: ImportProgress) => {
          if (!finished && stillCurrent(generation)) set({ importJob: { status: 'reading', progress: p, source } });
        }),
        checked.options,
      );
      finished = true;
      if (!stillCurrent(generation)) return;
      if (result.ok) set({ importJob: { status: 'done', result } });
      else set({ importJob: { status: 'idle' }, importFailure: result });
    } catch (e) {
      finished = true;
      if (stillCurrent(generation)) set({ importJob: { status: 'failed', issues: [(e as Error).message] } });
    }
  }

  const reading = job.status === 'reading';
  const result = job.status === 'done' ? job.result : null;
  const problems = result?.problems ?? failure?.problems ?? [];
  const moreProblems = (result?.moreProblems ?? failure?.moreProblems ?? 0) + Math.max(0, problems.length - SHOWN_PROBLEMS);

  return (
    <section className="lab-section" aria-labelledby="lab-import-title">
      <h3 id="lab-import-title">{t('lab.import.title')}</h3>
      <p className="lab-hint">{t('lab.import.intro')}</p>
      <div className="lab-files">
        {KINDS.map((k) => (
          <div className="lab-field" key={k}>
            <label htmlFor={`lab-file-${k}`}>{t(`lab.import.file.${k}`)}</label>
            <input
              id={`lab-file-${k}`}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={k === 'invocations' && missingInvocations ? 'lab-file-missing' : undefined}
              aria-invalid={k === 'invocations' && missingInvocations ? true : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                setFiles((f) => ({ ...f, [k]: file }));
                if (k === 'invocations' && file) setMissingInvocations(false);
              }}
            />
            {k === 'invocations' && missingInvocations && (
              <p id="lab-file-missing" className="lab-problem">
                <span aria-hidden="true">⚠ </span>
                {t('lab.import.needInvocations')}
              </p>
            )}
          </div>
        ))}
      </div>
      <fieldset className="lab-options">
        <legend>{t('lab.import.options')}</legend>
        <LabField id="lab-first-minute" label={labels.firstMinute} inputMode="numeric" value={form.firstMinute} problem={fieldProblem('firstMinute', labels.firstMinute)} onChange={(v) => set({ importForm: { ...form, firstMinute: v } })} />
        <LabField
          id="lab-last-minute"
          label={labels.lastMinute}
          inputMode="numeric"
          value={form.lastMinute}
          problem={fieldProblem('lastMinute', labels.lastMinute)}
          hint={t('lab.import.minutesHint', { day: formatCount(MINUTES_PER_DAY, lang) })}
          onChange={(v) => set({ importForm: { ...form, lastMinute: v } })}
        />
        <LabField
          id="lab-max-per-function"
          label={labels.maxPerFunction}
          inputMode="numeric"
          value={form.maxPerFunction}
          problem={fieldProblem('maxPerFunction', labels.maxPerFunction)}
          hint={t('lab.import.maxPerFunctionHint')}
          onChange={(v) => set({ importForm: { ...form, maxPerFunction: v } })}
        />
      </fieldset>
      <div className="lab-actions">
        <button type="button" onClick={() => void run('files')} disabled={reading || 'problems' in checked}>
          {t('lab.import.importFiles')}
        </button>
        <button type="button" onClick={() => void run('sample')} disabled={reading || 'problems' in checked}>
          {t('lab.import.loadSample')}
        </button>
        {reading && (
          <CancelButton label={t('lab.cancel')} onCancel={() => set({ importJob: { status: 'cancelled' } })} />
        )}
      </div>
      {job.status === 'reading' && (
        <LabProgress
          id="lab-import-progress"
          label={job.progress ? t('lab.import.reading', { file: t(`lab.import.fileShort.${job.progress.file}`), percent: Math.floor((100 * job.progress.read) / Math.max(1, job.progress.total)) }) : t('lab.import.starting')}
          value={job.progress?.read ?? 0}
          max={job.progress?.total ?? 0}
        />
      )}
      <JobEnding job={job} cancelledText={t('lab.cancelled')} />
      {failure && <p className="lab-problem" role="alert">{t('lab.import.failed')}</p>}
      {problems.length > 0 && (
        <div className="lab-problems">
          <h4>{t('lab.import.problemsTitle', { count: problems.length + (result?.moreProblems ?? failure?.moreProblems ?? 0) })}</h4>
          <ul className="issues" aria-label={t('lab.import.problemsTitle', { count: problems.length })}>
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i} data-file={p.file} data-line={p.line}>
                {p.line > 0 ? t('lab.import.problemAt', { file: t(`lab.import.fileShort.${p.file}`), line: formatCount(p.line, lang) }) : t('lab.import.problemFile', { file: t(`lab.import.fileShort.${p.file}`) })} {p.message}
              </li>
            ))}
          </ul>
          {moreProblems > 0 && <p className="lab-hint">{t('lab.import.moreProblems', { count: moreProblems })}</p>}
        </div>
      )}
      {result && (
        <div className="lab-result" aria-labelledby="lab-import-result">
          <h4 id="lab-import-result">{t('lab.import.resultTitle')}</h4>
          <p role="status">
            {t('lab.import.summary', {
              read: formatCount(result.summary.functions, lang),
              kept: formatCount(result.summary.kept, lang),
              invocations: formatCount(result.summary.invocations, lang),
              minutes: formatCount(result.scenario.durationMs / 60_000, lang),
            })}
          </p>
          <ul className="lab-notes" aria-label={t('lab.import.notesTitle')}>
            {result.summary.busyLeftOut > 0 && <li>{t('lab.import.busyLeftOut', { count: result.summary.busyLeftOut, max: formatCount(result.summary.maxInvocationsPerFunction, lang) })}</li>}
            <li>{t('lab.import.joined', { durations: formatCount(result.summary.withDurations, lang), memory: formatCount(result.summary.withMemory, lang), functions: formatCount(result.summary.functions, lang) })}</li>
            <li>{t('lab.import.hosts', { hosts: formatCount(result.summary.hosts, lang) })}</li>
            {result.notes.map((n, i) => (
              <li key={i}>{t(`lab.notes.${n.id}`, { ...Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, k === 'count' ? v : formatCount(v, lang)])), count: n.values.count ?? 0 })}</li>
            ))}
          </ul>
          <div className="lab-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                replaceScenario(result.scenario);
                setOpened(true);
              }}
            >
              {t('lab.import.open')}
            </button>
            {opened && (
              <span role="status" className="lab-ok">
                {t('lab.import.opened')}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
