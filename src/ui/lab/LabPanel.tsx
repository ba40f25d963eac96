import { useEffect } from 'react';
import { useT } from '../../i18n';
import { IdleHistogramPanel } from './IdleHistogramPanel';
import { useLab } from './labStore';
import { stopLabWorker } from './labWorker';
import { PolicyCompare } from './PolicyCompare';
import { TraceImport } from './TraceImport';
import './lab.css';

/**
 * The cold-start lab (the "Lab" tab, loaded on demand): import a trace, compare keep-alive
 * policies on the scenario in the editor, and see what the hybrid policy learns of a function.
 * Its work runs in a worker of its own; closing the lab ends that worker and what it was doing
 * (results already there stay in the lab's store, and a job cut short reads as cancelled).
 */
export function LabPanel() {
  const { t } = useT();
  useEffect(
    () => () => {
      stopLabWorker();
      const s = useLab.getState();
      s.set({
        ...(s.compareJob.status === 'running' && { compareJob: { status: 'cancelled' } }),
        ...(s.importJob.status === 'reading' && { importJob: { status: 'cancelled' } }),
        ...(s.histogramJob.status === 'running' && { histogramJob: { status: 'cancelled' } }),
      });
    },
    [],
  );
  return (
    <div className="lab" role="region" aria-label={t('lab.title')}>
      <p className="lab-intro">{t('lab.intro')}</p>
      <TraceImport />
      <PolicyCompare />
      <IdleHistogramPanel />
    </div>
  );
}
