/**
 * `npm run bench` (last part): Lighthouse on the built site, in Debian's Chromium, printing the
 * performance, accessibility and best-practices scores (targets, issue 7: at least 95, 100 and
 * 95). Desktop settings, as a lecturer's laptop; the site served by `vite preview`, as a course
 * server would. Prints each failed audit of those categories; asserts nothing.
 * BENCH_DIST=/some/dir measures another build.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPreview } from './preview';

const PORT = 4181;
const DIST = process.env.BENCH_DIST ?? 'dist';
const URL = `http://127.0.0.1:${PORT}/`;

const server = await startPreview(DIST, PORT);
const chromePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  chrome = await chromeLauncher.launch({
    ...(chromePath && { chromePath }),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const result = await lighthouse(
    URL,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
    // Desktop: no mobile emulation or network/CPU throttling beyond Lighthouse's desktop preset.
    { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: 'simulate', throttling: { rttMs: 40, throughputKbps: 10_240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 } } },
  );
  if (!result) throw new Error('Lighthouse returned no result');
  const { categories, audits } = result.lhr;
  console.log(`\nLighthouse ${result.lhr.lighthouseVersion} on the built site (desktop, ${result.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'})`);
  const targets: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 95 };
  for (const [id, target] of Object.entries(targets)) {
    const score = Math.round((categories[id]?.score ?? 0) * 100);
    console.log(`  ${(categories[id]?.title ?? id).padEnd(16)} ${String(score).padStart(3)}   (target >= ${target})`);
    for (const ref of categories[id]?.auditRefs ?? []) {
      const a = audits[ref.id];
      if (a && ref.weight > 0 && a.score !== null && a.score < 0.9) console.log(`      - ${a.title}${a.displayValue ? `: ${a.displayValue}` : ''}`);
    }
  }
  // When the page moves or blocks, say what: the elements that shifted and the long tasks' scripts.
  const items = (id: string) => ((audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).slice(0, 5);
  if ((audits['cumulative-layout-shift']?.score ?? 1) < 0.9)
    for (const it of items('layout-shifts')) console.log(`      shifted: ${(it.node as { selector?: string } | undefined)?.selector ?? '?'} (${Number(it.score).toFixed(3)})`);
  if ((audits['total-blocking-time']?.score ?? 1) < 0.9)
    for (const it of items('long-tasks')) console.log(`      long task: ${String(it.url)} ${Math.round(Number(it.duration))} ms at ${Math.round(Number(it.startTime))} ms`);
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
    const a = audits[id];
    if (a) console.log(`  ${a.title.padEnd(26)} ${a.displayValue ?? ''}`);
  }
} finally {
  await chrome?.kill();
  server.kill();
}
