#!/usr/bin/env node
// Thin launcher: run the CLI (one bundled module, scripts/bundle-cli.ts) and exit with the code it returns.
const debug = /\bdialogkit\b/.test(process.env.DEBUG ?? '');
// With DEBUG=dialogkit, stack traces name the TypeScript sources, not the bundle.
if (debug) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/node/dialogkit.mjs');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug in Dialogkit, not in the content. Users get one line; DEBUG=dialogkit gives the stack.
    console.error(`dialogkit: internal error: ${error instanceof Error ? error.message : String(error)}`);
    console.error(
      debug ? (error?.stack ?? '') : 'This is a bug in Dialogkit. Run again with DEBUG=dialogkit to see where it happened, and report it.',
    );
    process.exitCode = 3;
  },
);
