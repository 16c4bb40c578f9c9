/** Where a setting comes from: flag, inline comment, front matter, config, forum, language default. */
import { describe, expect, it } from 'vitest';
import { statementOf } from './helpers/statements.js';

const body = '\nThank you, Chair. Thank you.\n';
const withFields = (fields: string) => `---\nforum: CCPCJ\nsession: "1"\nspeaker: A\n${fields}---\n`;

describe('settings', () => {
  it('takes the pace from the language, then config, front matter, inline comment and flag', () => {
    expect(statementOf(withFields('') + body).settings).toMatchObject({ pace: 110, paceSource: 'language' });
    expect(statementOf(withFields('language: es\n') + body).settings).toMatchObject({
      pace: 130,
      paceSource: 'language',
    });
    expect(statementOf(withFields('') + body, { config: { pace: 100 } }).settings).toMatchObject({
      pace: 100,
      paceSource: 'config',
    });
    expect(
      statementOf(withFields('language: fr\n') + body, { config: { pace: 100, paceByLanguage: { fr: 120 } } }).settings
        .pace,
    ).toBe(120);
    expect(statementOf(withFields('pace: 95\n') + body, { config: { pace: 100 } }).settings).toMatchObject({
      pace: 95,
      paceSource: 'front-matter',
    });
    const inline = `${withFields('pace: 95\n')}\n<!-- alliance-set pace=90 -->\n${body}`;
    expect(statementOf(inline).settings).toMatchObject({ pace: 90, paceSource: 'inline' });
    expect(statementOf(inline, { overrides: { pace: 120 } }).settings).toMatchObject({ pace: 120, paceSource: 'flag' });
  });

  it('takes the slot from the forum, then front matter, inline comment and flag', () => {
    expect(statementOf(withFields('') + body).settings).toMatchObject({ slotSeconds: 180, slotSource: 'forum' });
    expect(statementOf(withFields('').replace('CCPCJ', 'HRC') + body).settings.slotSeconds).toBe(120);
    expect(statementOf(withFields('').replace('CCPCJ', 'AHC') + body).settings).toMatchObject({
      slotSeconds: null,
      slotSource: null,
    });
    expect(statementOf(withFields('slot: 90\n') + body).settings).toMatchObject({
      slotSeconds: 90,
      slotSource: 'front-matter',
    });
    const inline = `${withFields('slot: 90\n')}\n<!-- alliance-set slot=2m -->\n${body}`;
    expect(statementOf(inline).settings).toMatchObject({ slotSeconds: 120, slotSource: 'inline' });
    expect(statementOf(inline, { overrides: { slotSeconds: 60 } }).settings).toMatchObject({
      slotSeconds: 60,
      slotSource: 'flag',
    });
  });

  it("lets a config file override a forum's slot and add a forum", () => {
    const config = {
      forums: [
        { id: 'CCPCJ', slotSeconds: 240 },
        { id: 'UNGA Third Committee', aliases: ['Third Committee'], officer: 'chair' as const, slotSeconds: 300 },
      ],
    };
    expect(statementOf(withFields('') + body, { config }).settings.slotSeconds).toBe(240);
    const third = statementOf(withFields('').replace('CCPCJ', 'Third Committee') + body, { config }).settings;
    expect(third.forum?.id).toBe('UNGA Third Committee');
    expect(third.slotSeconds).toBe(300);
  });

  it('finds forums by alias, ignoring case and punctuation', () => {
    for (const name of ['COP', 'ctoc/cop', 'UNTOC COP', 'Conference of the Parties']) {
      expect(statementOf(withFields('').replace('CCPCJ', name) + body).settings.forum?.id).toBe('UNTOC COP');
    }
    expect(statementOf(withFields('').replace('CCPCJ', 'Crime Commission') + body).settings.forum?.id).toBe('CCPCJ');
  });

  it('takes the organization from front matter, else from config', () => {
    expect(statementOf(withFields('') + body, { config: { organization: 'Alliance' } }).settings.organizations).toEqual(
      ['Alliance'],
    );
    expect(
      statementOf(withFields('organization: Other\n') + body, { config: { organization: 'Alliance' } }).settings
        .organizations,
    ).toEqual(['Other']);
  });

  it('switches rules off from config and from an inline comment', () => {
    const config = {
      rules: new Map([
        ['closing', 'off' as const],
        ['self-identification', 'error' as const],
      ]),
    };
    const statement = statementOf(`${withFields('')}\n<!-- alliance-disable placeholder -->\n${body}`, { config });
    expect(statement.settings.severities.get('closing')).toBe('off');
    expect(statement.settings.severities.get('self-identification')).toBe('error');
    expect(statement.settings.severities.get('placeholder')).toBe('off');
    expect(statement.settings.severities.get('opening-address')).toBe('error');
  });
});
