import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three layers. `unit`: pure modules, no PDF rendering (test/unit/**, and *.unit.test.ts
 * anywhere). `browser`: Chromium, listed by name. `e2e`: every other test file — CLI runs and
 * PDFs read back — so a new test file lands there unless it says otherwise.
 */
const UNIT = ['test/unit/**/*.test.ts', 'test/**/*.unit.test.ts'];
const BROWSER = ['test/site.test.ts', 'test/kit.test.ts', 'test/web-editions.test.ts'];
const TEMP_ROOT = 'test/setup/temp-root.ts';
const COMPILE = 'test/setup/compile.ts';

export default defineConfig({
  test: {
    // One test file per core: vitest otherwise keeps a core free, which on a 2-core machine means
    // running the files one at a time (measured: 153 s → 115 s for the whole suite).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, globalSetup: [TEMP_ROOT] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...BROWSER], globalSetup: [TEMP_ROOT, COMPILE] },
      },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: [TEMP_ROOT, COMPILE] } },
    ],
  },
});
