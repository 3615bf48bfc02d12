import { expect, test as base } from '../fixtures';
import { startHostServer, type HostServer } from './host-server';

/**
 * The embed tests' `test`: the shared fixtures plus a host site on another origin, and, when a
 * test fails, the page's errors and failed requests attached to the report (a missing
 * dist/embed.js shows up there rather than as "0 articles").
 */
export const test = base.extend<{ host: HostServer; pageProblems: void }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHostServer();
    await use(host);
    await host.close();
  },
  pageProblems: [
    async ({ page }, use, testInfo) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
      );
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      await use();
      if (testInfo.status !== testInfo.expectedStatus && problems.length > 0) {
        await testInfo.attach('page problems', { body: problems.join('\n') });
      }
    },
    { auto: true },
  ],
});

export { expect };
