#!/usr/bin/env node
// The command-line entry: everything happens in src/cli (compiled to lib/cli, and bundled with what it
// uses into lib/bundle/ by scripts/bundle-cli.mjs, which starts sooner). An error no part of
// the tool could catch (thrown later, in a library's callback) is an internal failure: exit 2.
import module from 'node:module';

// Node 22.1 and later keep the compiled code of the tool between runs (Node 20 has no such cache).
module.enableCompileCache?.();
const { main } = await import('../lib/bundle/cli.js');

process.on('uncaughtException', (error) => {
  process.stderr.write(`alliance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
process.exitCode = await main(process.argv);
