/** The font packages a statement's PDF needs and the project has not installed, each as a message with the command that installs it. */
import type { Statement } from '../../model/statement.js';
import { missingFontPackage, SCRIPT_FAMILIES } from '../../render/font-files.js';
import type { Template } from '../../render/template.js';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const CHINESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Why the PDF of `statement` cannot be made here: one message per family whose package is missing. */
export function missingFonts(statement: Statement, template: Template): string[] {
  const families = new Map<string, string>();
  for (const [role, choice] of Object.entries(template.fonts))
    if (!('files' in choice)) families.set(choice.family, `the template's ${role} font`);
  if (ARABIC.test(statement.source)) families.set(SCRIPT_FAMILIES.arabic, 'Arabic text');
  if (CHINESE.test(statement.source)) families.set(SCRIPT_FAMILIES.cjk, 'Chinese text');
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
