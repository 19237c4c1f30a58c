// Runs axe-core in Debian's Chromium on each HTML file given, and checks that
// every link inside the page has its target and that a draft, and only a
// draft, prints its DRAFT mark; one TAP line per file, the problems of a
// failing file following as comments.
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
    // The print style marks every page of a draft (a fixed box repeats on
    // each printed page); a final document has no mark.
    await page.emulateMedia({ media: 'print' });
    const mark = await page.evaluate(() => {
      const meta = document.querySelector('meta[name="document-status"]');
      const draft = meta !== null && meta.getAttribute('content') === 'draft';
      const after = getComputedStyle(document.body, '::after');
      const marked = after.content === '"DRAFT"' && after.position === 'fixed';
      return draft === marked ? null : (draft ? 'a draft without its printed DRAFT mark'
                                              : 'a printed DRAFT mark on a final document');
    });
    await page.close();
    if (result.violations.length === 0 && broken.length === 0 && mark === null) {
      console.log(`ok ${n} - axe ${file}`);
      continue;
    }
    failed++;
    console.log(`not ok ${n} - axe ${file}`);
    for (const id of broken.slice(0, 10))
      console.log(`#   broken link: #${id}`);
    if (mark !== null)
      console.log(`#   ${mark}`);
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
