#!/usr/bin/env node
// The command-line entry: everything happens in src/cli (compiled to lib/cli, and bundled with what it
// uses into lib/bundle/ by scripts/bundle-cli.mjs; src/cli/launch.ts starts it). An error no part of
// the tool could catch (thrown later, in a library's callback) is an internal failure: exit 2.
import module from 'node:module';

// Node 22.1 and later keep the compiled code of the tool between runs (Node 20: see launch.ts).
module.enableCompileCache?.();
const { startCli } = await import('../lib/bundle/launch.js');

process.on('uncaughtException', (error) => {
  process.stderr.write(
    `alliance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
});
process.exitCode = await startCli(process.argv);
