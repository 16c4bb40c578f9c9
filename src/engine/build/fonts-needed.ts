/** The font packages a statement's PDF needs and the project has not installed, each as a message with the command that installs it. */
import type { Statement } from '../../model/statement.js';
import { missingFontPackage } from '../../render/fonts/files.js';
import { hasScript, scriptFamilies } from '../../render/fonts/scripts.js';
import type { Template } from '../../render/model/template.js';

/** Why the PDF of `statement` cannot be made here: one message per family whose package is missing. */
export function missingFonts(statement: Statement, template: Template): string[] {
  const families = new Map<string, string>();
  for (const [role, choice] of Object.entries(template.fonts))
    if (!('files' in choice)) families.set(choice.family, `the template's ${role} font`);
  for (const { script, family, name } of scriptFamilies())
    if (hasScript(statement.source, script)) families.set(family, `${name} text`);
  const problems: string[] = [];
  for (const [family, use] of families) {
    const name = missingFontPackage(family);
    if (name !== undefined)
      problems.push(
        `Expected the font \`${family}\` for ${use}, found it not installed: run \`npm install ${name}\` in the project, then build again (the DOCX needs no font)`,
      );
  }
  return problems;
}
