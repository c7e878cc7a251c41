import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './start-test-server';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(chromiumPath);
if (!available)
  console.warn(
    `[reference-server tests] ${chromiumPath} not found: the /docs browser test is skipped (CI installs Debian's chromium)`,
  );

describe.runIf(available)('/docs in headless Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => server?.stop());

  it('renders the API reference with the deal alert rule endpoints', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`${server.url}/docs`, { waitUntil: 'load' });
      // The reference renders tag sections lazily: open "Deal alert rules" from the sidebar.
      await page.getByText('Deal alert rules', { exact: true }).first().click({ timeout: 150_000 });
      await page.getByText('Test a rule against stored listings').first().waitFor({ timeout: 150_000 });
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).toContain('Deal Scout reference server');
      expect(text).toMatch(/Create a rule/);
      expect(text).toMatch(/Test a rule against stored listings/);
      expect(failed.filter((url) => url.startsWith(server.url))).toEqual([]);
      await page.screenshot({ path: 'test/.docs-screenshot.png', fullPage: false });
    } finally {
      await browser.close();
    }
  }, 240_000);
});
