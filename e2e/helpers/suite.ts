import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../test/helpers/app.ts';
import { launchBrowser } from './browser.ts';
import { startServer } from './servers.ts';

export interface BrowserSuite {
  /** the app under test (its database for setup and checks) */
  readonly t: TestApp;
  /** where it listens, e.g. http://127.0.0.1:41234 */
  readonly base: string;
  readonly browser: Browser;
  /** a fresh context (closed after the suite) and its page; JavaScript on or off */
  open(javaScriptEnabled: boolean): Promise<Page>;
  /** a fresh context of its own, closed after the suite */
  context(javaScriptEnabled: boolean): Promise<BrowserContext>;
}

/**
 * One portal server and one Chromium for the tests of a `describe` block: call it in the block's body;
 * it registers the before/after hooks that start and stop both and close every context opened.
 */
export function browserSuite(): BrowserSuite {
  let t: TestApp | undefined;
  let base = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    ({ t, base } = await startServer());
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });
  const suite: BrowserSuite = {
    get t() {
      if (!t) throw new Error('browserSuite: the server starts in before()');
      return t;
    },
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('browserSuite: the browser starts in before()');
      return browser;
    },
    async context(javaScriptEnabled) {
      const c = await suite.browser.newContext({ javaScriptEnabled });
      c.setDefaultTimeout(20_000);
      contexts.push(c);
      return c;
    },
    async open(javaScriptEnabled) {
      return (await suite.context(javaScriptEnabled)).newPage();
    },
  };
  return suite;
}
