#!/usr/bin/env node
// Thin launcher: run the compiled CLI and exit with the code it returns.
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A bug in Dialogkit, not in the content. Users get one line; DEBUG=dialogkit gives the stack.
    const debug = /\bdialogkit\b/.test(process.env.DEBUG ?? '');
    console.error(`dialogkit: internal error: ${error instanceof Error ? error.message : String(error)}`);
    console.error(
      debug ? (error?.stack ?? '') : 'This is a bug in Dialogkit. Run again with DEBUG=dialogkit to see where it happened, and report it.',
    );
    process.exitCode = 3;
  },
);
