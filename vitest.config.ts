import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three layers, named by the file's last name, so a test file sits in the folder that mirrors the
 * `src/` folder it tests: `*.unit.test.ts` are pure (no PDF rendering, no CLI run),
 * `*.browser.test.ts` drive Chromium, and every other `*.test.ts` is `e2e` (CLI runs and PDFs read
 * back), so a new test file lands there unless its name says otherwise.
 */
const UNIT = ['test/**/*.unit.test.ts'];
const BROWSER = ['test/**/*.browser.test.ts'];
const TEMP_ROOT = 'test/setup/temp-root.ts';
const COMPILE = 'test/setup/compile.ts';

export default defineConfig({
  test: {
    // One test file per core: vitest otherwise keeps a core free, which on a 2-core machine means
    // running the files one at a time (measured: 153 s → 115 s for the whole suite).
    maxWorkers: availableParallelism(),
    // A worker runs file after file in one module state: pdfmake, pdf.js, the fonts and the
    // compiled test code load and warm up once per worker, not once per file, and a fixture
    // built by one file (helpers/build.ts: builtFixture) serves the next. Measured on 2 cores:
    // 199 → 143 CPU-seconds for unit and e2e. Files must therefore leave no state behind
    // (restore what they change in process.env, remove their listeners).
    isolate: false,
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
