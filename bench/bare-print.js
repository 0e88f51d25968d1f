// The reference point of the benchmark: a bare Node script that launches Chromium and prints one HTML file to PDF.
import { readFileSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findChrome } from '../dist/render/browser.js';

const [htmlFile, pdfFile] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent(readFileSync(htmlFile, 'utf8'), { waitUntil: 'load' });
  writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' } }));
} finally {
  await browser.close();
}
