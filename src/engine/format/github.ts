/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per message, escaped as
 * the runner expects, then a plain summary line. GitHub shows only the first annotations of a step,
 * so where `GITHUB_STEP_SUMMARY` is set, a Markdown table of every message is appended to it.
 */
import { appendFile } from 'node:fs/promises';
import { relativePath } from './paths.js';
import { countMessages, describeCounts, markdownCode, markdownText, plural, shown } from './text.js';
import type { MessagesInput } from './view.js';

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (`file=`, `title=`) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats results as GitHub workflow commands (and appends the step summary). */
export async function github({ command, results, cwd, env }: MessagesInput): Promise<string> {
  const lines: string[] = [];
  const rows: string[] = [];
  const workspace = env.GITHUB_WORKSPACE || cwd;
  for (const result of results) {
    // Shown as in human reports: the runner reads `##[…]` anywhere in a line, annotations included.
    const file = shown(relativePath(result.path, workspace));
    for (const message of result.messages) {
      const end = message.place && 'end' in message.place ? message.place.end : undefined;
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        ...(end ? [`endLine=${end.line}`, `endColumn=${end.column}`] : []),
        `title=${escapeProperty(message.ruleId ?? 'alliance')}`,
      ];
      lines.push(
        `::${message.fatal ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(shown(message.reason))}`,
      );
      rows.push(
        `| ${markdownCode(file)} | ${message.line ?? 1}:${message.column ?? 1} | ${message.fatal ? 'error' : 'warning'} | ${markdownCode(message.ruleId ?? '')} | ${markdownText(message.reason)} |`,
      );
    }
  }
  const counts = countMessages(results.flatMap((result) => result.messages));
  const summary = `${describeCounts(counts)} in ${plural(results.length, 'file')} checked`;
  lines.push(`alliance ${command}: ${summary}`);
  if (env.GITHUB_STEP_SUMMARY) {
    const table =
      rows.length === 0
        ? ''
        : `\n| File | Place | Severity | Rule | Message |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
    try {
      await appendFile(
        env.GITHUB_STEP_SUMMARY,
        `### alliance ${command}: ${rows.length === 0 ? 'no problems' : summary}\n${table}\n`,
      );
    } catch (error) {
      // The summary is extra: the annotations above still count, and the job learns why it has none.
      lines.push(
        `::warning title=alliance::${escapeData(`Expected to write the step summary to ${env.GITHUB_STEP_SUMMARY}, found an error: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
