/** Safety of parsing: hostile and broken front matter is refused or handled, never evaluated or crashed on. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../src/engine/load/front-matter.js';
import { FRONT, GOOD, findings, statementOf, tempProject } from './helpers/statements.js';
import { runCli } from './helpers/cli.js';

const BODY = '\nThank you, Chair. The Alliance of NGOs speaks.\n\nThank you.\n';

describe('front matter that would run code', () => {
  const marker = join(tempProject(), 'pwned.txt');
  const payload = `require("fs").writeFileSync(${JSON.stringify(marker)}, "evaluated")`;

  it.each(['js', 'javascript', 'JS', 'JavaScript', 'coffee', 'json', 'toml', 'js '])(
    'is refused for `---%s`, and nothing runs',
    async (language) => {
      rmSync(marker, { force: true });
      const project = tempProject({
        'statements/evil.md': `---${language}\n{ forum: ${payload}, session: "1", speaker: "x" }\n---\n${BODY}`,
      });
      const run = await runCli(['check', '--format', 'json'], { cwd: project });
      const [result] = JSON.parse(run.stdout);
      expect(run.code).toBe(1);
      expect(result.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['front-matter']);
      expect(result.messages[0].message).toContain('Expected YAML front matter');
      expect(existsSync(marker)).toBe(false);
    },
  );

  it('is refused even when the code sits in a YAML tag', () => {
    const text = `---\nforum: !!js/function 'function () { ${payload} }'\nsession: "1"\nspeaker: x\n---\n${BODY}`;
    const statement = statementOf(text);
    expect(existsSync(marker)).toBe(false);
    expect(typeof statement.frontMatter.data.forum).toBe('string');
  });
});

describe('YAML', () => {
  it('keeps `3:00` and dates as strings (YAML 1.2 core schema)', () => {
    const block = readFrontMatter('---\nslot: 3:00\ndate: 2024-10-14\nflag: yes\n---\n');
    expect(block.data).toEqual({ slot: '3:00', date: '2024-10-14', flag: 'yes' });
    expect(
      statementOf(`---\nforum: CCPCJ\nsession: "1"\nspeaker: A\nslot: 3:00\ndate: 2024-10-14\n---\n${BODY}`).frontMatter
        .fields,
    ).toMatchObject({
      slotSeconds: 180,
      date: '2024-10-14',
    });
  });

  it('stops a billion laughs at the alias cap with one front-matter error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `---\n${levels.join('\n')}\n---\n${BODY}`;
    expect(findings(text)).toEqual(['2:1 front-matter']);
    expect(statementOf(text).loadProblems[0]?.reason).toContain('aliases');
  });

  it('does not let `__proto__` pollute objects', () => {
    const statement = statementOf(`---\n__proto__: { polluted: true }\nforum: CCPCJ\n---\n${BODY}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(statement.frontMatter.data)).toContain('__proto__');
  });

  it('reports duplicate keys', () => {
    expect(findings(`---\nforum: CCPCJ\nforum: CND\n---\n${BODY}`)).toEqual(['3:1 front-matter']);
  });
});

describe('broken and odd files', () => {
  it.each([
    ['a list', '---\n- a\n- b\n---\n', '2:1 front-matter', 'found a list'],
    ['a scalar', '---\njust text\n---\n', '2:1 front-matter', 'found `just text`'],
    ['unclosed', '---\nforum: CCPCJ\n\nThank you.\n', '1:1 front-matter', 'closing `---`'],
    ['closed by `----`', '---\nforum: CCPCJ\n----\nThank you.\n', '3:1 front-matter', 'found `----`'],
    [
      'invalid YAML',
      '---\nforum: "CCPCJ\n---\n',
      '2:14 front-matter',
      'Expected the quotes opened on this line to close',
    ],
    ['missing', 'Thank you, Chair.\n', '1:1 front-matter', 'Expected front matter'],
    ['empty', '', '1:1 front-matter', 'found an empty file'],
    ['only spaces', '  \n\n', '1:1 front-matter', 'found an empty file'],
  ])('%s is one clear message with a line and column', (_name, text, finding, reason) => {
    expect(findings(text)).toEqual([finding]);
    expect(statementOf(text).loadProblems[0]?.reason).toContain(reason);
  });

  it.each([
    ['a NUL byte', Buffer.from(`${FRONT}\nThank\u0000 you\n`), '8:6 encoding'],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(`${FRONT}\nCaf`), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
      '8:4 encoding',
    ],
    [
      'a truncated UTF-8 sequence',
      Buffer.concat([Buffer.from(`${FRONT}\nab`), Buffer.from([0xe2, 0x82])]),
      '8:3 encoding',
    ],
    ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '1:1 encoding'],
  ])('a file with %s is an encoding error at its place', (_name, bytes, finding) => {
    expect(findings(bytes)).toEqual([finding]);
  });

  it('reads a file with a BOM', () => {
    const statement = statementOf(Buffer.from(`\uFEFF${GOOD}`));
    expect(statement.loadProblems).toEqual([]);
    expect(statement.frontMatter.fields.forum).toBe('CCPCJ');
    expect(findings(Buffer.from(`\uFEFF${GOOD}`))).toEqual([]);
  });

  it('reads a file with CRLF line endings, with the same lines', () => {
    const crlf = GOOD.replace(/\n/g, '\r\n');
    const statement = statementOf(crlf);
    expect(statement.frontMatter.fields).toMatchObject({ forum: 'CCPCJ', session: '34', speaker: 'Ana Pérez' });
    expect(statement.paragraphs.map((paragraph) => [paragraph.span.start.line, paragraph.text])).toEqual([
      [8, 'Thank you, Chair.'],
      [10, 'The Alliance of NGOs welcomes the resolution.'],
      [12, 'Thank you.'],
    ]);
    expect(findings(crlf)).toEqual([]);
  });

  it('accepts an empty front matter block, then asks for the required fields', () => {
    expect(findings(`---\n---\n${BODY}`)).toEqual(['1:1 required-field', '1:1 required-field', '1:1 required-field']);
    expect(findings(`---\n# only a comment\n---\n${BODY}`)).toEqual([
      '1:1 required-field',
      '1:1 required-field',
      '1:1 required-field',
    ]);
  });

  it('does not leak data between files with the same text (gray-matter cache)', () => {
    const first = statementOf(GOOD);
    (first.frontMatter.data as Record<string, unknown>).forum = 'changed';
    first.frontMatter.fields.forum = 'changed';
    const second = statementOf(GOOD);
    expect(second.frontMatter.data.forum).toBe('CCPCJ');
    expect(second.frontMatter.fields.forum).toBe('CCPCJ');
  });
});

describe('YAML mistakes, explained with the fix', () => {
  const reasonOf = (front: string) => {
    const problem = readFrontMatter(`---\n${front}---\n\nThank you, Chair.\n`).problem;
    return problem?.reason ?? '';
  };

  it.each([
    [
      'title: Victims first: access to justice\n',
      'Expected the value of `title` in quotes, since it holds `: `, found it bare: write `title: "Victims first: access to justice"`',
    ],
    ['forum: CCPCJ\nforum: CND\n', 'Expected each field once, found `forum` given again'],
    ['\tforum: CCPCJ\n', 'found a tab'],
    ['forum: CCPCJ\n  session: 34\n', 'Expected each field at the start of its line, found `session: 34` indented'],
    ['title: [Draft\n', 'Expected the `[` of `title: [Draft` to close with `]`'],
    ['title: @home\n', 'Expected a value that does not start with `@`'],
  ])('%j', (front, expected) => {
    expect(reasonOf(front)).toContain(expected);
  });

  it('names a placeholder that YAML reads as a list', () => {
    const messages = statementOf(
      `---\nforum: CCPCJ\nsession: "34"\nspeaker: [insert name]\n---\n\nThank you, Chair.\n\nThank you.\n`,
    );
    expect(messages.frontMatter.invalid.get('speaker')).toContain('`[insert name]`');
  });
});
