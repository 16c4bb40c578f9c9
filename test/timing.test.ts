/** The timing engine: what is said (numbers, acronyms, symbols, addresses), the pauses, and the pace. */
import { describe, expect, it } from 'vitest';
import { stageDirections } from '../src/engine/project/registry-data.js';
import { builtInPronunciations, speak } from '../src/timing/spoken.js';
import { timeStatement } from '../src/timing/estimate.js';
import { statementOf } from './helpers/statements.js';

const said = (text: string, language = 'en', extra: Record<string, string> = {}) =>
  speak(text, {
    language,
    pronunciations: new Map(Object.entries({ ...builtInPronunciations(), ...extra })),
    stageDirections: stageDirections(),
  }).words.join(' ');
const count = (text: string, language = 'en') => said(text, language).split(' ').filter(Boolean).length;

describe('numbers in English, the British and UN way', () => {
  it.each([
    ['1,250,000', 'one million two hundred and fifty thousand'],
    ['148', 'one hundred and forty-eight'],
    ['12.5', 'twelve point five'],
    ['12.5%', 'twelve point five per cent'],
    ['40 %', 'forty per cent'],
    ['10–15%', 'ten to fifteen per cent'],
    ['2019–2023', 'twenty nineteen to twenty twenty-three'],
    ['2023', 'twenty twenty-three'],
    ['2005', 'two thousand and five'],
    ['1905', 'nineteen oh five'],
    ['1900', 'nineteen hundred'],
    ['21st', 'twenty-first'],
    ['3rd', 'third'],
    ['-3', 'minus three'],
    ['$5 million', 'five million dollars'],
    ['US$ 3.2 billion', 'three point two billion US dollars'],
    ['€40', 'forty euros'],
    ['100 USD', 'one hundred US dollars'],
    ['14.10.2024', 'fourteen ten two thousand and twenty-four'],
  ])('%s is said "%s"', (text, words) => {
    expect(said(text)).toBe(words);
  });

  it('says words that name object built-ins as words, after a figure too (a currency or symbol is looked up)', () => {
    expect(said('0 valueOf, 5 constructor and toString __proto__ hasOwnProperty')).toBe(
      'zero valueOf five constructor and toString proto hasOwnProperty',
    );
  });

  it('counts "1,250,000" as seven spoken words, a hyphenated number word once', () => {
    expect(count('1,250,000')).toBe(7);
    expect(count('23')).toBe(1);
  });

  it('says "In 2023, 1,250,000 people in 148 countries" in seventeen words, not seven', () => {
    expect(count('In 2023, 1,250,000 people in 148 countries')).toBe(17);
  });
});

describe('numbers in French and Spanish', () => {
  it.each([
    ['fr', '1 250 000', 'un million deux cent cinquante mille'],
    ['fr', '1\u202f250\u202f000', 'un million deux cent cinquante mille'],
    ['fr', '2023', 'deux mille vingt-trois'],
    ['fr', '12,5 %', 'douze virgule cinq pour cent'],
    ['fr', '1er', 'premier'],
    ['fr', '21e', 'vingt et unième'],
    ['fr', '3 millions €', 'trois millions euros'],
    ['es', '1.250.000', 'un millón doscientos cincuenta mil'],
    ['es', '2023', 'dos mil veintitrés'],
    ['es', '12,5 %', 'doce coma cinco por ciento'],
    ['es', '1.º', 'primero'],
    ['es', 'US$ 5', 'cinco dólares estadounidenses'],
  ])('%s: %s is said "%s"', (language, text, words) => {
    expect(said(text, language)).toBe(words);
  });
});

describe('acronyms, symbols and addresses', () => {
  it.each([
    ['UNODC', 'U N O D C'],
    ['UNTOC', 'UNTOC'],
    ['NATO', 'NATO'],
    ['CCPCJ', 'C C P C J'],
    ['NGOs', 'N G O'],
    ["UNODC's", 'U N O D C'],
    ['OHCHR', 'O H C H R'],
    ['UNESCAP', 'UNESCAP'],
    ['UNDP', 'U N D P'],
    ['G20', 'G twenty'],
    ['COVID-19', 'COVID nineteen'],
    ['WWF', 'double-u double-u F'],
  ])('%s is said "%s"', (text, words) => {
    expect(said(text)).toBe(words);
  });

  it("follows the config's pronunciations over the rule", () => {
    expect(said('UNCAC', 'en', { UNCAC: 'letters' })).toBe('U N C A C');
    expect(said('GRETA', 'en', { GRETA: 'the group of experts' })).toBe('the group of experts');
  });

  it.each([
    ['A & B', 'A and B'],
    ['§ 3', 'section three'],
    ['and/or', 'and slash or'],
    ['e.g. this', 'for example this'],
    ['www.unodc.org/ngos', 'w w w dot unodc dot org slash ngos'],
    ['https://example.org/a-b.', 'example dot org slash a b'],
    ['info@ngo-alliance.org', 'info at ngo-alliance dot org'],
  ])('%s is said "%s"', (text, words) => {
    expect(said(text)).toBe(words);
  });

  it('does not say stage directions, and adds their pause', () => {
    const spoken = speak('We call [pause] on States [slow] to act.', {
      language: 'en',
      pronunciations: new Map(),
      stageDirections: stageDirections(),
    });
    expect(spoken.words.join(' ')).toBe('We call on States to act');
    expect(spoken.pauseSeconds).toBe(2);
  });
});

const statement = (body: string, front = 'slot: 3m\n') =>
  statementOf(`---\nforum: CCPCJ\nsession: "34"\nspeaker: A\n${front}---\n\n${body}`);

describe('the estimate', () => {
  it('is spoken words at the pace plus pauses after sentences, between paragraphs and at headings', () => {
    const timing = timeStatement(
      statement(
        'One two three four five six. Seven eight nine ten eleven.\n\n## Part two\n\nTwelve thirteen fourteen.\n',
      ),
    );
    const [first, second] = timing.paragraphs;
    // Each word counts for 0.2 + 0.8 × its letters / 5.4 (en.yaml's `wordLength`): a long word takes longer.
    const units = (text: string) =>
      text
        .split(/\W+/)
        .filter(Boolean)
        .reduce((sum, word) => sum + 0.2 + (0.8 * word.length) / 5.4, 0);
    expect(first!.units).toBeCloseTo(units('One two three four five six Seven eight nine ten eleven'), 5);
    // 11 words at 110 a minute, one pause between sentences (0.4 s), one after the paragraph (1 s).
    expect(first!.seconds).toBeCloseTo((first!.units * 60) / 110 + 0.4 + 1, 5);
    expect(first!.spokenWords).toBe(11);
    // 3 words, the heading's pause before it (1.5 s), nothing after the last paragraph.
    expect(second!.seconds).toBeCloseTo((units('Twelve thirteen fourteen') * 60) / 110 + 1.5, 5);
    expect(second!.cumulativeSeconds).toBeCloseTo(first!.seconds + second!.seconds, 5);
    expect(timing.seconds).toBeCloseTo(second!.cumulativeSeconds, 5);
  });

  it('leaves out comments, footnote markers and stage directions, and pauses where asked', () => {
    const plain = timeStatement(statement('We urge States to act now.\n'));
    const marked = timeStatement(
      statement('We urge <!-- a note --> States[^1] to act [pause] now.\n\n[^1]: Footnote text is not said.\n'),
    );
    expect(marked.spokenWords).toBe(plain.spokenWords);
    expect(marked.seconds).toBeCloseTo(plain.seconds + 2, 5);
  });

  it('follows the pace of the language and the `pace` field', () => {
    const body = 'Nous appelons les États à agir maintenant et sans délai.\n';
    expect(timeStatement(statement(body, 'language: fr\n')).pace).toBe(125);
    expect(timeStatement(statement(body, 'language: es\n')).pace).toBe(130);
    const slow = timeStatement(statement(body, 'pace: 60\n'));
    // One sentence, one paragraph: no pause; at 60 a minute, a second for each unit the pace counts.
    expect(slow.seconds).toBeCloseTo(slow.paragraphs[0]!.units, 5);
    expect(slow.spokenWords).toBe(10);
  });

  it('takes at least a third longer for a paragraph dense with figures than for one of the same written length without', () => {
    const figures =
      'In 2023, 1,250,000 people in 148 countries lost US$ 3.2 billion, up 12.5% from 2019 and 27% since 2015.';
    const words =
      'In recent years, many people in several countries lost a great deal, more than before and more since then.';
    const dense = timeStatement(statement(`${figures}\n`));
    const plain = timeStatement(statement(`${words}\n`));
    expect(dense.writtenWords).toBe(plain.writtenWords);
    expect(dense.seconds).toBeGreaterThanOrEqual((plain.seconds * 4) / 3);
  });
});

describe('timing that weighs each word', () => {
  it('takes longer for long words than for short ones, and pauses at each clause', () => {
    const short = timeStatement(statement('We do not see it as we did.\n'));
    const long = timeStatement(statement('Internationally, organizations acknowledged responsibilities.\n'));
    expect(short.spokenWords).toBe(8);
    expect(long.spokenWords).toBe(4);
    // Four long words take longer than eight short ones.
    expect(long.seconds).toBeGreaterThan(short.seconds);
    const clauses = timeStatement(statement('We ask, we urge, we call; and we wait.\n'));
    const plain = timeStatement(statement('We ask we urge we call and we wait.\n'));
    expect(clauses.seconds - plain.seconds).toBeCloseTo(3 * 0.15, 5);
  });
});

describe('timing that follows the spoken text', () => {
  const spoken = (text: string, language = 'en') =>
    speak(text, {
      language,
      pronunciations: new Map(Object.entries(builtInPronunciations())),
      stageDirections: stageDirections(),
    });

  it('counts a letter of an acronym said one by one as half a word: UNODC is five syllables, not five words', () => {
    const acronyms = timeStatement(
      statementOf(`${'---\nforum: CCPCJ\nsession: "34"\nspeaker: A\n---\n\n'}UNODC, the ILO and the IOM.\n`),
    );
    // 11 letters at half a word each, and "the", "and", "the": 8.5 words, not 14.
    expect(spoken('UNODC, the ILO and the IOM').letters).toBe(11);
    expect(acronyms.spokenWords).toBe(9);
  });

  it.each([
    ['ar', '١٬٢٥٠٬٠٠٠', 'مليون ومئتان وخمسون ألف'],
    ['ar', '١٢٫٥', 'اثنا عشر فاصلة خمسة'],
    ['zh', '1250万', '一千二百五十 万'],
    ['zh', '1500名', '一千五百 名'],
    ['zh', '16个', '十六 个'],
    ['zh', '12.5%', '十二点五 百分之'],
    ['ru', '12,5', 'двенадцать целых пять десятых'],
    ['es', '12,5', 'doce coma cinco'],
    ['fr', 'l’ONUDC', 'O N U D C'],
  ])('in %s, says %s as %s', (language, text, expected) => {
    expect(spoken(text, language).words.join(' ')).toBe(expected);
  });

  it('reads a year in Chinese only where 年 follows, digit by digit', () => {
    expect(spoken('2023年', 'zh').words.join(' ')).toBe('二 零 二 三 年');
  });

  it('counts a vowelled Arabic word once, and a vowelled line by its words', async () => {
    const { countWords } = await import('../src/timing/words.js');
    expect(countWords('مصنّفة')).toBe(1);
    expect(countWords('بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ')).toBe(4);
  });
});

describe('timing that reads as people speak', () => {
  it.each([
    ['ar', 'بين عامي 2022 و2023', 'بين عامي ألفان واثنان وعشرون ألفان وثلاثة وعشرون'],
    ['ar', 'بين 15 و20', 'بين خمسة عشر عشرون'],
    ['ar', 'و500 ألف', 'خمسمائة ألف'],
    ['ar', 'في 19 أيار/مايو 2025', 'في تسعة عشر أيار ألفان وخمسة وعشرون'],
    ['en', 'a fall (−56%) in cases', 'a fall minus fifty-six per cent in cases'],
    ['fr', 'une hausse (-12 %)', 'une hausse moins douze pour cent'],
    ['fr', 'l’ONU au XXIe siècle', 'ONU au vingt et unième siècle'],
    ['es', 'la ONU en el siglo XXI', 'la ONU en el siglo veintiuno'],
    ['ru', 'в XXI веке', 'в двадцать первый веке'],
    ['en', 'on 15 May 2025', 'on the fifteenth of May twenty twenty-five'],
    ['en', 'in the XXI century', 'in the twenty-first century'],
  ])('in %s, "%s" is said "%s"', (language, text, words) => {
    expect(said(text, language)).toBe(words);
  });

  it('spells Cyrillic acronyms letter by letter: УНП ООН, КС, США', () => {
    const spoken = speak('УНП ООН, КС и США', {
      language: 'ru',
      pronunciations: new Map(),
      stageDirections: stageDirections(),
    });
    expect(spoken.letters).toBe(11);
  });

  it('reads a Roman numeral as a number only beside its words: XX alone, CD, MIX stay as written', () => {
    expect(said('the XX Congress', 'en')).toBe('the twentieth Congress');
    expect(said('XX and XV were listed', 'en')).not.toMatch(/twent|fifteen/);
    expect(said('a CD and a MIX', 'en')).not.toContain('hundred');
  });

  it('times a Chinese quotation in an English statement by its characters, not as one word', () => {
    const english = (quotation: string) =>
      timeStatement(
        statementOf(
          `---\nforum: CCPCJ\nsession: "34"\nspeaker: A\norganization: Alliance\n---\n\nThank you, Chair.\n\nHe said “${quotation}” today.\n\nThank you.\n`,
        ),
      ).paragraphs[1]!.spokenWords;
    // Nine characters: six words' time, not one.
    expect(english('我们必须保护受害者') - english('我们')).toBeGreaterThanOrEqual(4);
  });
});
