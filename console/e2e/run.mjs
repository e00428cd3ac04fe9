// End-to-end journeys of the console against a running service with the demo district (PATHWISE_URL):
// a teacher, a curriculum lead and a district admin, each signed in once, in one Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  axe, BASE, errorsOf, journey, launch, screenshot, signedIn, summary, TABLET, DESKTOP,
} from './harness.mjs';

const KEYS = {
  teacher: process.env.PATHWISE_TEACHER_KEY ?? 'demo-teacher-key',
  curriculum: process.env.PATHWISE_CURRICULUM_KEY ?? 'demo-curriculum-key',
  admin: process.env.PATHWISE_ADMIN_KEY ?? 'demo-admin-key',
};

/** Waits until the check holds (the page updates after its requests), then asserts it once more. */
async function eventually(check, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

const browser = await launch();
console.log(`Console end-to-end against ${BASE} in ${browser.version()}`);

await journey('teacher: chart, a cell explained, an override with its reason, a learner graph', async () => {
  const page = await signedIn(browser, KEYS.teacher);
  await page.waitForURL('**/chart');
  assert.equal(await text(page.locator('.topbar .tenant')), 'Demo District');
  await page.getByRole('heading', { name: 'Mastery chart' }).waitFor();
  await page.locator('td.cell button').first().waitFor();
  assert.match(await text(page.locator('main p.muted').first()), /30 learners/);
  await axe(page, 'mastery chart');

  // School filter: North Middle's learners only, nia among them at "approaching" on ratio language.
  await page.getByLabel('School').selectOption('north-middle');
  await page.waitForURL(/school=north-middle/);
  await eventually(async () => assert.match(await text(page.locator('main p.muted').first()), /school north-middle · 11 learners/));
  const nia = page.getByRole('button', { name: 'nia, Use ratio language to describe a relationship: approaching, level 2' });
  await nia.waitFor();
  await screenshot(page, 'chart');

  // Sort by ratio language, highest first: the column reads from 4 down to 0.
  const header = page.getByRole('button', { name: /^(language|6\.RP\.A\.1): Use ratio language to describe a relationship \(rp\.ratio\.language\)/ });
  await header.click();
  await header.click();
  await page.waitForURL(/order=desc/);
  const sorted = page.locator('th[aria-sort="descending"]');
  await eventually(async () => assert.match(await text(sorted), /^(language|6\.RP\.A\.1)/));
  const column = await eventually(async () => {
    const values = await page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
      const cells = [...row.querySelectorAll('td.cell button')];
      const language = cells.find((b) => b.getAttribute('aria-label').includes('Use ratio language'));
      return Number(language.textContent);
    }));
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    assert.equal(values.length, 11);
    return values;
  });
  assert.ok(column[0] > column[column.length - 1], `the sorted column varies: ${column}`);

  // Keyboard only: one tab stop in the grid, arrows to move, Enter to open the explanation.
  await page.locator('td.cell button[tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-cell'));
  assert.equal(focused, '1:1');
  await page.getByLabel('Grade band').selectOption('6-8');
  await page.getByRole('button', { name: 'nia, Use ratio language to describe a relationship: approaching, level 2' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'nia · rp.ratio.language' });
  await dialog.waitFor();
  await dialog.locator('.because').waitFor();
  const explained = await text(dialog);
  assert.match(explained, /approaching on Use ratio language to describe a relationship/);
  assert.match(explained, /Decided by the policy rules/);
  assert.match(explained, /Rule “[^”]+”/);
  assert.match(await text(dialog.locator('.because')), /threshold/);
  assert.match(explained, /Scores, oldest first/);
  await axe(page, 'cell explanation');
  await screenshot(page, 'chart-explanation');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // The learner page: the framework as a graph, coloured by level, the ready fringe marked.
  await page.getByRole('link', { name: 'nia', exact: true }).click();
  await page.waitForURL('**/learners/nia');
  await page.getByRole('heading', { name: 'nia', level: 1 }).waitFor();
  const nodes = page.locator('svg.framework-graph [data-node]');
  await nodes.first().waitFor();
  const [framework] = await (await page.request.get('/v1/frameworks')).json();
  assert.equal(await nodes.count(), framework.competencies, 'every competency of the framework is drawn');
  assert.equal(await page.locator('[data-node="rp.ratio.double-number-lines"]').getAttribute('class'), 'node lvl-3');
  const summaryLine = await text(page.locator('#graph-title + p.muted'));
  const readyCount = Number(/(\d+) ready/.exec(summaryLine)[1]);
  assert.equal(await page.locator('svg.framework-graph .node.ready').count(), readyCount);
  assert.ok((await page.locator('svg.framework-graph path.edge.prerequisite').count()) >= 10);
  await page.locator('ol.next-steps > li').first().waitFor();
  assert.match(await text(page.locator('ol.next-steps > li').first()), /continues|ready|prefer|goal/i);
  await page.locator('ol.timeline > li').first().waitFor();
  assert.match(await text(page.locator('#timeline-title + p')), /pieces, newest first/);
  await axe(page, 'learner page');
  await screenshot(page, 'learner');

  // Override a level: the reason is required, and it shows in the audit trail and in the cell's explanation.
  await page.getByRole('button', { name: 'Override a level…' }).click();
  const form = page.getByRole('dialog', { name: 'Override a level' });
  await form.getByLabel('Competency').selectOption('rp.ratio.tables');
  await form.getByLabel('Level').selectOption('MASTERED');
  assert.equal(await form.getByRole('button', { name: 'Save override' }).isDisabled(), true);
  await axe(page, 'override dialog');
  await form.getByRole('textbox', { name: /^Reason/ }).fill('Built a complete ratio table in a conference');
  await form.getByRole('button', { name: 'Save override' }).click();
  await form.waitFor({ state: 'hidden' });
  const audit = page.locator('ol.audit > li').first();
  await eventually(async () => assert.match(await text(audit), /rp\.ratio\.tables: set level to mastered “Built a complete ratio table in a conference” by key 'teacher-key'/));
  await eventually(async () => assert.equal(await page.locator('[data-node="rp.ratio.tables"]').getAttribute('class'), 'node lvl-3 selected'.replace(' selected', '')));
  await page.locator('[data-node="rp.ratio.tables"]').click();
  const panel = page.locator('.selected-competency');
  await eventually(async () => assert.match(await text(panel), /Teacher override in force Set to mastered by key 'teacher-key'/));
  assert.match(await text(panel), /Built a complete ratio table in a conference/);

  // A learner that does not exist: the API's problem, never a blank page.
  await page.goto('/learners/nobody-here');
  const problem = page.locator('.problem').first();
  await problem.waitFor();
  assert.match(await text(problem), /Not found .*nobody-here/);

  // Flags and small groups.
  await page.goto('/flags');
  await page.getByRole('heading', { name: 'Flags' }).waitFor();
  await eventually(async () => assert.match(await text(page.locator('main p.muted').first()), /flags? among 30 learners/));
  await axe(page, 'flags');
  await screenshot(page, 'flags');
  await page.goto('/groups');
  await page.getByRole('heading', { name: 'Small groups' }).waitFor();
  await page.locator('ul.board > li, main .empty').first().waitFor();
  await axe(page, 'small groups');
  await screenshot(page, 'groups');

  // A tablet: the chart still works and stays accessible.
  await page.setViewportSize(TABLET);
  await page.goto('/chart?school=north-middle');
  await page.locator('td.cell button').first().waitFor();
  await axe(page, 'mastery chart (tablet)');
  await screenshot(page, 'chart-tablet');
  await page.setViewportSize(DESKTOP);
  assert.deepEqual(errorsOf(page), []);
  await page.context().close();
});

await journey('curriculum lead: a changed threshold checked, simulated, published, rolled back; CASE import', async () => {
  const page = await signedIn(browser, KEYS.curriculum);
  await page.waitForURL('**/policy');
  await page.getByRole('heading', { name: 'Policy workspace' }).waitFor();
  const activeRow = page.locator('table.versions tr.active');
  await activeRow.waitFor();
  const original = await text(activeRow.locator('th'));
  await axe(page, 'policy workspace');

  await page.getByRole('button', { name: `Start from ${original}` }).click();
  await page.locator('.file-list').nth(1).waitFor();
  const path = 'schools/north-middle/parameters.yaml';
  await page.getByLabel('Path in the policy folder').fill(path);

  // A misspelt parameter first: the report names file and line, and the link opens the file at that line.
  await page.getByLabel('Upload a file to that path').setInputFiles({ name: 'parameters.yaml', mimeType: 'text/yaml',
    buffer: Buffer.from('bands:\n  6-8:\n    masteredThreshhold: 0.6\n') });
  await page.getByRole('button', { name: 'Check and run scenarios' }).click();
  const report = page.getByRole('status', { name: 'Check report' });
  await report.waitFor();
  assert.match(await text(report), /^Refused:/);
  const problemLink = report.getByRole('button', { name: new RegExp(`^${path.replace(/\./g, '\\.')}:3:`) });
  assert.match(await text(report), /Maybe you meant 'masteredThreshold'\?/);
  await problemLink.click();
  await eventually(async () => assert.match(await text(page.locator('ol.code li.marked')), /masteredThreshhold: 0\.6/));

  // The real change: North Middle's 6-8 mastery threshold down to 0.6.
  await page.getByLabel('Upload a file to that path').setInputFiles({ name: 'parameters.yaml', mimeType: 'text/yaml',
    buffer: Buffer.from('bands:\n  6-8:\n    masteredThreshold: 0.6\n    demotionThreshold: 0.55\n') });
  await eventually(async () => assert.match(await text(page.locator('#candidate-title ~ p.muted').first()), new RegExp(`1 changed from ${original}: ${path}`)));
  await page.getByRole('button', { name: 'Check and run scenarios' }).click();
  await eventually(async () => assert.match(await text(page.getByRole('status', { name: 'Check report' })), /^Passed: every layer combination compiles/));
  await axe(page, 'policy check report');

  await page.getByRole('button', { name: 'What would change' }).click();
  const simulation = page.getByRole('region', { name: 'What would change' });
  await simulation.waitFor({ timeout: 60_000 });
  const headline = await text(simulation.locator('.simulation-summary'));
  const changed = Number(/^(\d+) of 30 learners change/.exec(headline)[1]);
  assert.ok(changed > 0, headline);
  const northMiddle = await text(simulation.getByRole('table', { name: 'By school' }).getByRole('row', { name: /north-middle/ }));
  assert.match(northMiddle, new RegExp(`north-middle ${changed} of 11`), 'only North Middle changes');
  assert.match(await text(simulation.getByRole('table', { name: 'By grade band' }).getByRole('row', { name: /6-8/ })), new RegExp(`6-8 ${changed} of`));
  assert.equal(await simulation.locator('li.learner-diff').count(), Math.min(changed, 20));
  assert.match(await text(simulation.locator('li.learner-diff').first()), /→/);
  await axe(page, 'simulation diff');
  await simulation.scrollIntoViewIfNeeded();
  await screenshot(page, 'simulation');

  await page.getByLabel(/Version name/).fill('2026.12-north-middle');
  await page.getByLabel('Message').fill('Lower the 6-8 mastery threshold at North Middle to 0.6');
  await page.getByRole('button', { name: 'Publish and make active' }).click();
  await eventually(async () => assert.match(await text(page.locator('form.publish p.ok')), /Version 2026\.12-north-middle is published and active/));
  await eventually(async () => assert.match(await text(page.locator('table.versions tr.active')),
    /2026\.12-north-middle curriculum-key .* Lower the 6-8 mastery threshold at North Middle to 0\.6 active/));
  await page.locator('table.versions tr.active').getByRole('button', { name: 'Files' }).click();
  await eventually(async () => assert.match(await text(page.locator('#files-title')), /2026\.12-north-middle/));
  await page.locator('section[aria-labelledby="files-title"]').getByRole('button', { name: path }).click();
  await eventually(async () => assert.match(await text(page.locator('section[aria-labelledby="files-title"] ol.code')), /masteredThreshold: 0\.6/));
  await page.locator('section[aria-labelledby="files-title"] .hljs-attr').first().waitFor();
  await page.locator('#versions-title').scrollIntoViewIfNeeded();
  await screenshot(page, 'policy');

  // Roll back to the version before.
  const previous = page.locator('table.versions tr', { hasText: original });
  await previous.getByRole('button', { name: 'Roll back to this' }).click();
  const confirm = page.getByRole('dialog', { name: 'Change the active version' });
  await axe(page, 'roll back dialog');
  await confirm.getByRole('button', { name: `Activate ${original}` }).click();
  await confirm.waitFor({ state: 'hidden' });
  await eventually(async () => assert.match(await text(page.locator('table.versions tr.active th')), new RegExp(`^${original}$`)));
  await eventually(async () => assert.match(await text(page.locator('main > p.muted').first()), new RegExp(`active version ${original}`)));

  // Frameworks: browse, then import the demo framework as CASE (one new standard).
  await page.getByRole('link', { name: 'Frameworks' }).click();
  await page.getByRole('heading', { name: 'Frameworks' }).waitFor();
  await page.locator('svg.framework-graph [data-node]').first().waitFor();
  assert.equal(await page.locator('svg.framework-graph [data-node]').count(), 22);
  await page.getByLabel('CASE package (JSON)').setInputFiles({ name: 'ratios-case.json', mimeType: 'application/json',
    buffer: readFileSync(new URL('../../docs/examples/ratios-case.json', import.meta.url)) });
  const caseReport = page.locator('.report[role=status]');
  await caseReport.waitFor();
  assert.match(await text(caseReport), /^updated: .* → framework ratios-6-8/);
  assert.match(await text(caseReport), /Added 8\.EE\.B\.6/);
  await eventually(async () => assert.equal(await page.locator('svg.framework-graph [data-node]').count(), 23));
  await axe(page, 'frameworks');
  await screenshot(page, 'frameworks');
  assert.deepEqual(errorsOf(page), []);
  await page.context().close();
});

await journey('district admin: a key created (shown once) and revoked; schools, policy by school, health', async () => {
  const page = await signedIn(browser, KEYS.admin);
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  await page.locator('table.list tbody tr').first().waitFor();
  const before = await page.locator('table.list tbody tr').count();
  await axe(page, 'keys');

  await page.getByLabel('Role').selectOption('teacher');
  await page.getByLabel('Label').fill('substitute-teacher');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('new-key');
  await secret.waitFor();
  const key = await text(secret);
  assert.match(key, /^pw_[A-Za-z0-9_-]{40,}$/);
  await eventually(async () => assert.equal(await page.locator('table.list tbody tr').count(), before + 1));
  const keyId = /Key (key-[0-9a-f]+)/.exec(await text(page.locator('.secret')))[1];
  const row = page.locator(`table.list tbody tr[data-key-id="${keyId}"]`);
  assert.match(await text(row), /teacher substitute-teacher .* active/);
  await screenshot(page, 'keys');

  // The new key opens a session; once revoked, it no longer does.
  const api = await browser.newContext({ baseURL: BASE });
  assert.equal((await api.request.post('/v1/session', { data: { apiKey: key } })).status(), 200);
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await eventually(async () => assert.equal(await page.getByTestId('new-key').count(), 0, 'the secret is shown once'));
  await row.getByRole('button', { name: /^Revoke / }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke a key' });
  await axe(page, 'revoke dialog');
  await dialog.getByRole('button', { name: `Revoke ${keyId}` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => assert.match(await text(row), /revoked \d{4}-\d\d-\d\d/));
  assert.equal((await api.request.get('/v1/session')).status(), 401, 'the revoked key ended its session');
  assert.equal((await api.request.post('/v1/session', { data: { apiKey: key } })).status(), 401);
  await api.close();

  await page.getByRole('link', { name: 'Schools' }).click();
  await page.getByRole('heading', { name: 'Schools' }).waitFor();
  const schools = page.locator('table.list tbody tr');
  await eventually(async () => {
    const rows = await schools.allInnerTexts();
    assert.deepEqual(rows.map((r) => r.split('\t')[0]), ['north-middle', 'river-elementary', 'summit-high']);
    assert.equal(rows.map((r) => Number(r.split('\t')[1])).reduce((a, b) => a + b, 0), 30);
  });
  await axe(page, 'schools');
  await screenshot(page, 'schools');

  await page.getByRole('link', { name: 'Policy by school' }).click();
  await page.getByRole('heading', { name: 'Policy by school and grade band' }).waitFor();
  await page.locator('table.parameters').waitFor();
  assert.match(await text(page.locator('table.parameters tr', { hasText: 'masteredThreshold' })), /masteredThreshold 0\.\d+/);
  await page.getByLabel('Scope').selectOption('north-middle');
  await page.waitForURL(/school=north-middle/);
  await axe(page, 'policy by school');

  await page.getByRole('link', { name: 'Health' }).click();
  await eventually(async () => assert.match(await text(page.locator('dl.facts')), /Service UP Alive UP Ready for traffic UP/));
  await axe(page, 'health');
  await screenshot(page, 'health');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
  assert.equal((await page.request.get('/v1/session')).status(), 401);
  assert.deepEqual(errorsOf(page), []);
  await page.context().close();
});

await browser.close();
process.exit(summary() ? 0 : 1);
