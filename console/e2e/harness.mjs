// A small test runner for the console's end-to-end journeys: one Chromium (Debian's, driven by playwright-core),
// axe-core on every page, screenshots of the main views, and the closing line "N passed, N failed".
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = (process.env.PATHWISE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const SCREENSHOTS = process.env.PATHWISE_SCREENSHOTS ?? join(process.cwd(), 'target', 'e2e-screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const TABLET = { width: 820, height: 1180 };

/** The flags Chromium needs on a machine without a sandbox, a GPU or a network beyond loopback. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A signed-in page for a role: the API key is typed into the sign-in form, as a person would. */
export async function signedIn(browser, apiKey) {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: BASE, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  watch(page);
  await page.goto('/sign-in');
  await axe(page, 'sign-in');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

const pageErrors = new WeakMap();

/** Collects what would break a page silently: uncaught errors and Content-Security-Policy violations. */
export function watch(page) {
  const errors = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) {
      errors.push(`CSP: ${m.text()}`);
    }
  });
}

export function errorsOf(page) {
  return pageErrors.get(page) ?? [];
}

/** axe-core on the page as it is now: any serious or critical violation fails the journey, listed. */
export async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeRuns.push({ name, violations: result.length, serious: bad.length });
  if (bad.length > 0) {
    throw new Error(`axe on ${name}: ${bad.map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(', ')}`).join('; ')}`);
  }
}

export const axeRuns = [];

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

const results = [];

/** Runs one journey; a failure is reported with its message and the journey goes on to the next. */
export async function journey(name, body) {
  if (process.env.E2E_ONLY && !name.startsWith(process.env.E2E_ONLY)) {
    return;
  }
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n  ${e.stack ?? e}`);
  }
}

export function summary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`axe-core: ${axeRuns.length} pages checked, ${axeRuns.reduce((n, r) => n + r.violations, 0)} minor or moderate findings, no serious or critical one${failed ? ' in the journeys that passed' : ''}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
