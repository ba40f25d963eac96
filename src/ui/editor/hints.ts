import { getLang, i18n, type Lang } from '../../i18n';
import { figures, type Figure, type FigureName } from '../../sim/figures';
import { hybridFigures, type HybridParams } from '../../sim/policies/hybridHistogram';
import { humanMs } from './numberText';

/**
 * The small print beside a field: the figure a default comes from and its source, built from
 * `sim/figures.ts` so the editor can never disagree with the simulation's defaults. The words
 * are the interface language's; the sources stay as they are cited (titles of documents and
 * papers), except "illustrative", which is said in the language.
 */
export function hintsFor(lang: Lang = getLang()): Hints {
  let hints = cache.get(lang);
  if (!hints) cache.set(lang, (hints = makeHints(lang)));
  return hints;
}

type Hints = ReturnType<typeof makeHints>;
/** The figures are constants: each language's hints are made once. */
const cache = new Map<Lang, Hints>();

function makeHints(lang: Lang) {
  const t = i18n.getFixedT(lang);
  const num = (v: number) => new Intl.NumberFormat(lang).format(v);
  const figureSource = (figure: Figure) => (figure.source.startsWith('illustrative') ? t('editor.hints.illustrative') : figure.source);
  // Sources carry their own parentheses, hence the dash before them in the texts.
  const source = (name: FigureName) => figureSource(figures[name]);
  /** Each hybrid parameter: what it means, then its default (ms as minutes or hours) and source. */
  const hybridHint = (key: keyof HybridParams) => {
    const figure = hybridFigures[key];
    const value = figure.unit === 'ms' ? (humanMs(figure.value, lang) ?? `${num(figure.value)} ms`) : num(figure.value);
    return `${t(`editor.hints.hybrid.${key}`)} ${t('editor.hints.hybridDefault', { value, source: figureSource(figure) })}`;
  };
  const minutes = (name: FigureName) => num(figures[name].value / 60_000);
  const seconds = (name: FigureName) => num(figures[name].value / 1_000);

  return {
    hostMemory: t('editor.hints.hostMemory', { value: num(figures.hostMemoryMb.value), source: source('hostMemoryMb') }),
    isolation: {
      microvm: t('editor.hints.microvm', { boot: num(figures.microVmBootMs.value), overhead: num(figures.microVmOverheadMb.value), source: source('microVmBootMs') }),
      'account-vm': t('editor.hints.accountVm', { memory: num(figures.accountVmMemoryMb.value) }),
    },
    placement: { pack: t('editor.hints.pack'), spread: t('editor.hints.spread') },
    keepAlivePolicy: { none: t('editor.hints.keepAliveNone'), fixed: t('editor.hints.keepAliveFixed'), hybrid: t('editor.hints.keepAliveHybrid') },
    hybrid: Object.fromEntries(Object.keys(hybridFigures).map((k) => [k, hybridHint(k as keyof HybridParams)])) as Record<keyof HybridParams, string>,
    warmPool: t('editor.hints.warmPool'),
    poolSize: t('editor.hints.poolSize'),
    poolSandboxMb: t('editor.hints.poolSandboxMb', { value: num(figures.warmPoolSandboxMb.value), source: source('warmPoolSandboxMb') }),
    poolAssignMs: t('editor.hints.poolAssignMs', { value: num(figures.warmPoolAssignMs.value), source: source('warmPoolAssignMs') }),
    poolActivePerFunction: t('editor.hints.poolActivePerFunction'),
    keepAliveIdle: t('editor.hints.keepAliveIdle', { aws: minutes('fixedKeepAliveAwsMs'), azure: minutes('fixedKeepAliveAzureMs'), source: source('fixedKeepAliveAwsMs') }),
    accountConcurrency: t('editor.hints.accountConcurrency', { value: num(figures.accountConcurrency.value), source: source('accountConcurrency') }),
    memory: t('editor.hints.memory', {
      min: num(figures.minMemoryMb.value),
      max: num(figures.maxMemoryMb.value),
      source: source('maxMemoryMb'),
      vcpu: num(figures.memoryPerVcpuMb.value),
      vcpuSource: source('memoryPerVcpuMb'),
    }),
    timeout: t('editor.hints.timeout', { value: seconds('defaultTimeoutMs'), source: source('defaultTimeoutMs'), max: seconds('maxTimeoutMs'), maxSource: source('maxTimeoutMs') }),
    packageSize: t('editor.hints.packageSize', { ms: num(figures.codeFetchMsPerMb.value) }),
    initMs: t('editor.hints.initMs', { limit: seconds('initLimitMs'), source: source('initLimitMs') }),
    reserved: t('editor.hints.reserved'),
    provisioned: t('editor.hints.provisioned'),
    snapStart: t('editor.hints.snapStart', { restore: num(figures.snapshotRestoreMs.value), source: source('snapshotRestoreMs') }),
    schedule: t('editor.hints.schedule'),
    invocation: {
      sync: t('editor.hints.sync'),
      async: t('editor.hints.async', { hours: num(figures.asyncMaxEventAgeMs.value / 3_600_000), source: source('asyncMaxEventAgeMs') }),
    },
  };
}
