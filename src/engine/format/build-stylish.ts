/**
 * `alliance build`'s own report: what was built where, why a statement was not, the messages of each,
 * then one summary line.
 */
import { resolve } from 'node:path';
import { displayPath } from './paths.js';
import { plural, shown } from './text.js';
import type { FormatterInput } from './view.js';

/** Formats a build's outcome as lines for a person. */
export function buildStylish({ result, cwd, chalk, isTTY, force, milliseconds }: FormatterInput['build']): string {
  const lines: string[] = [];
  const show = (path: string) => displayPath(path, cwd);
  for (const outcome of result.statements) {
    const source = show(outcome.path);
    if (outcome.status === 'skipped') {
      const first = outcome.messages.find((message) => message.fatal) ?? outcome.messages[0];
      const why = first
        ? `${first.line ?? 1}:${first.column ?? 1} ${shown(first.reason)} (${first.ruleId ?? ''})`
        : 'it has errors';
      lines.push(`${chalk.red('✖')} ${source} ${chalk.red('not built')}: ${why}`);
      // What the build did about it: the handouts of an earlier build removed.
      for (const message of outcome.messages.filter((entry) => entry.ruleId === 'stale-handout'))
        lines.push(`  ${source}  ${chalk.yellow('warning')}  ${shown(message.reason)}  ${chalk.dim('stale-handout')}`);
      continue;
    }
    for (const problem of outcome.writeErrors)
      lines.push(`${chalk.red('✖')} ${source}: could not write ${show(problem.path)}: ${shown(problem.reason)}`);
    if (outcome.status === 'built' && !isTTY)
      lines.push(
        `${chalk.green('✔')} ${source} → ${outcome.written.map((file) => show(resolve(result.outDir, file))).join(', ')}`,
      );
    for (const message of outcome.messages) {
      if (!message.fatal && outcome.status === 'unchanged') continue;
      const severity = message.fatal ? chalk.red('error  ') : chalk.yellow('warning');
      lines.push(
        `  ${source}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${shown(message.reason)}  ${chalk.dim(message.ruleId ?? '')}`,
      );
    }
  }
  const parts = [
    `${plural(result.built, 'statement')} built (${plural(result.written, 'file')}) in ${(milliseconds / 1000).toFixed(1)} s`,
  ];
  if (result.unchanged > 0) parts.push(`${result.unchanged} up to date`);
  if (result.skipped > 0)
    parts.push(chalk.red(`${result.skipped} not built${force ? '' : ' (errors: fix them, or --force)'}`));
  if (result.failed > 0) parts.push(chalk.red(`${result.failed} failed`));
  if (result.manifestError !== undefined) {
    lines.push(
      `${chalk.red('✖')} could not write the manifest ${show(resolve(result.outDir, 'manifest.json'))}: ${shown(result.manifestError)}`,
    );
  }
  lines.push(`${parts.join('; ')} → ${show(result.outDir)}`);
  return `${lines.join('\n')}\n`;
}
