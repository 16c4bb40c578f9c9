/** `alliance preview [paths…]`: the statements as a local web page to write, time and rehearse them in. */
import { InvalidArgumentError, type Command } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { noBrowserReason, openBrowser } from '../open-browser.js';
import { configFlag } from '../options.js';

interface PreviewOptions {
  port?: number;
  open: boolean;
  config?: string;
}

/** `--port`: 1 to 65535. */
function portOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65535)
    throw new InvalidArgumentError(`Expected a port from 1 to 65535, found \`${value}\``);
  return port;
}

/** Registers `preview` on the program. */
export function registerPreview(program: Command, io: Io, state: RunState): void {
  program
    .command('preview')
    .description('serve the statements as a page in your browser: the handout, times, messages, editing, rehearsal')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .option('-p, --port <port>', 'the port on 127.0.0.1 (default: a free one)', portOption)
    .option('--no-open', 'print the address without opening the browser')
    .addOption(configFlag())
    .addHelpText(
      'after',
      '\nThe page is served on 127.0.0.1 only, at an address with a random token; Ctrl+C stops it.\n\nExamples:\n  $ alliance preview\n  $ alliance preview statements/ccpcj-34.md --port 4300 --no-open',
    )
    .action(async (patterns: string[], options: PreviewOptions) => {
      // The server, its page and the watch load only for this command.
      const { startPreview } = await import('../../preview/index.js');
      const server = await startPreview({
        cwd: io.cwd,
        config: options.config,
        patterns,
        port: options.port,
        onError: (error) => io.stderr.write(`alliance: ${error.message}\n`),
        onRequestError: (line) => io.stderr.write(`alliance: preview: a request failed: ${line}\n`),
      });
      io.stdout.write(
        `Preview of ${server.statements} statement${server.statements === 1 ? '' : 's'} at ${server.url}\n(Ctrl+C to stop)\n`,
      );
      const reason = options.open ? noBrowserReason(io.env) : 'asked';
      if (reason === undefined) openBrowser(server.url, io.env);
      else if (options.open) io.stderr.write(`Open the address above in your browser (${reason} to open it on).\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        io.signal?.addEventListener('abort', stop, { once: true });
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      io.stderr.write('Preview stopped.\n');
      state.exitCode = 0;
    });
}
