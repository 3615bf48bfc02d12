import { defineConfig } from '@playwright/test';

import base from './playwright.config';

// `npm run soak`: the soak tests at full length (docs/reliability.md, "Soak"). The e2e suite
// runs the same tests in their short form (SOAK_HOURS unset: 3 simulated hours).
process.env.SOAK_HOURS ??= '14';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e/soak',
  workers: 1,
  reporter: 'list',
});
