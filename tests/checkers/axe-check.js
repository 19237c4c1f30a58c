// Runs axe-core in Debian's Chromium on each HTML file given, and checks that
// every link inside the page has its target; one TAP line per file, the
// problems of a failing file following as comments.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const executable = process.env.CHROMIUM || '/usr/lib/chromium/chromium';

async function main(files) {
  const browser = await chromium.launch({
    executablePath: executable,
    // No network here: keep Chromium from reaching out on its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();
  let failed = 0;
  let n = 0;
  for (const file of files) {
    n++;
    const page = await context.newPage();
    await page.goto('file://' + path.resolve(file));
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const broken = await page.evaluate(() =>
      Array.from(document.querySelectorAll('a[href^="#"]'))
        .map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter((id) => document.getElementById(id) === null));
    await page.close();
    if (result.violations.length === 0 && broken.length === 0) {
      console.log(`ok ${n} - axe ${file}`);
      continue;
    }
    failed++;
    console.log(`not ok ${n} - axe ${file}`);
    for (const id of broken.slice(0, 10))
      console.log(`#   broken link: #${id}`);
    for (const v of result.violations) {
      console.log(`#   ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes.slice(0, 3))
        console.log(`#     ${node.target.join(' ')}`);
    }
  }
  await browser.close();
  return failed;
}

main(process.argv.slice(2)).then(
  (failed) => process.exit(failed ? 1 : 0),
  (err) => { console.log(`not ok - axe could not run: ${err.message}`); process.exit(1); });
