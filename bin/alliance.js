#!/usr/bin/env node
// The command-line entry: everything happens in src/cli (compiled to lib/cli).
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv);
