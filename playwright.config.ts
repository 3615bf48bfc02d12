import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './tooling/chromium.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['./tests/e2e/summary-reporter.ts']] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'off',
  },
});
