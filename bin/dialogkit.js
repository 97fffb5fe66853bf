#!/usr/bin/env node
// Thin launcher: run the compiled CLI and exit with the code it returns.
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 3;
  },
);
