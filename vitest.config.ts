import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Three layers. `unit`: pure modules, no PDF rendering (test/unit/**, and *.unit.test.ts
 * anywhere). `browser`: Chromium, listed by name. `e2e`: every other test file — CLI runs and
 * PDFs read back — so a new test file lands there unless it says otherwise.
 */
const UNIT = ['test/unit/**/*.test.ts', 'test/**/*.unit.test.ts'];
const BROWSER = [
  'test/site.test.ts',
  'test/kit.test.ts',
  'test/web-editions.test.ts',
  'test/screen.test.ts',
  'test/screen-results.test.ts',
  'test/hostile-html-browser.test.ts',
  'test/preview.test.ts',
  'test/adapt-form.test.ts',
  'test/browser/editor.browser.test.ts',
];
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
