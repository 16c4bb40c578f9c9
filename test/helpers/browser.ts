/**
 * Headless Chromium for the page's tests (Debian's `chromium`, which .ci/run installs), driven by
 * playwright-core. Where no Chromium is installed the browser tests are skipped, except in CI, where
 * that is a failure: the page must be tested there.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => path !== undefined && path !== '',
);

/** The Chromium to drive, or undefined when there is none (outside CI). */
export function chromiumPath(): string | undefined {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found === undefined && process.env.CI)
    throw new Error("Expected Chromium for the browser tests in CI: .ci/run installs Debian's `chromium`");
  return found;
}

/** Starts headless Chromium (a new, empty profile) with no network of its own: no updates, sync or background requests. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
