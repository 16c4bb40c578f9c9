// Writes a corpus of realistic statements for the benchmarks: about 400 words each, five forums and their
// officers, front matter of every kind, figures, acronyms, lists, links and emphasis.
// `node test/bench/corpus.js <folder> <count>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url);
const seeds = [
  '../../statements/ahc-5/international-cooperation.md',
  '../../statements/untoc-cop-2024/constructive-dialogue.md',
].map((path) => readFileSync(new URL(path, here), 'utf8').split('\n---\n')[1]);
const sentences = seeds
  .join(' ')
  .replace(/\s+/g, ' ')
  .split(/(?<=\.)\s+/)
  .filter((sentence) => sentence.length > 40 && !/^Thank you/.test(sentence));
const figures = [
  'In 2023, 1,250,000 people in 148 countries were affected.',
  'UNODC reports a 12.5% rise since 2019.',
  'Some 3.2 million victims were counted, up from 2.1 million.',
];

/** A deterministic pseudo-random sequence, so every run writes the same corpus. */
function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const forums = [
  { forum: 'CCPCJ', officer: 'Chair', session: (n) => `"${30 + n}"` },
  { forum: 'CND', officer: 'Chair', session: (n) => `"${64 + n}"` },
  { forum: 'UNTOC COP', officer: 'President', session: (n) => `"${11 + n}"` },
  { forum: 'UNCAC CoSP', officer: 'President', session: (n) => `"${10 + n}"` },
  { forum: 'AHC', officer: 'Chair', session: (n) => `"${1 + n}"` },
];
const links = [
  '[the UNODC report](https://www.unodc.org/documents/data-and-analysis/glotip.html)',
  '[resolution 78/230](https://undocs.org/A/RES/78/230)',
  '<https://www.unodc.org/ngo>',
];

/** A front matter of one of several kinds: with and without agenda item, date, role, language and slot. */
function frontMatter(index, forum, session, next) {
  const lines = [`title: "Statement ${index}: international cooperation"`, `forum: ${forum.forum}`];
  lines.push(`session: ${forum.session(session)}`);
  if (next() < 0.7) lines.push(`agenda_item: "${1 + Math.floor(next() * 9)}"`);
  if (next() < 0.7) lines.push(`date: 2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`);
  lines.push(`speaker: Speaker ${index}`);
  if (next() < 0.5) lines.push('role: Chair');
  lines.push('organization: Alliance of NGOs on Crime Prevention and Criminal Justice');
  if (next() < 0.5) lines.push('language: en');
  lines.push(`slot: ${next() < 0.5 ? '5m' : '6m'}`);
  if (next() < 0.2) lines.push('status: draft');
  return `---\n${lines.join('\n')}\n---\n\n`;
}

/**
 * A project of its own in `folder`: its config, so that the config of a project above it (this
 * repository's, for the bench's work folder) never applies.
 */
export function ownProject(folder) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'alliance.config.yaml'), '# A bench project of its own.\nlanguage: en\n');
}

/** Writes `count` statements under `folder`/statements, in sessions of 50 of one forum each. */
export function writeCorpus(folder, count) {
  ownProject(folder);
  const next = random(42);
  for (let index = 0; index < count; index += 1) {
    const session = Math.floor(index / 50);
    const forum = forums[session % forums.length];
    const paragraphs = [
      forum.officer === 'President' ? 'Mr. President,' : 'Thank you, Chair.',
      'The Alliance of NGOs on Crime Prevention and Criminal Justice is pleased to take the floor.',
    ];
    let words = 20;
    while (words < 400) {
      const kind = next();
      let text;
      if (kind < 0.12) {
        const items = [];
        for (let item = 0; item < 3; item += 1) items.push(`- ${sentences[Math.floor(next() * sentences.length)]}`);
        text = items.join('\n');
      } else {
        const paragraph = [];
        for (let count = 0; count < 3; count += 1)
          paragraph.push(
            next() < 0.15
              ? figures[Math.floor(next() * figures.length)]
              : sentences[Math.floor(next() * sentences.length)],
          );
        if (next() < 0.2) paragraph.push(`See ${links[Math.floor(next() * links.length)]}.`);
        text = paragraph.join(' ');
        if (next() < 0.1) text = `**${text}**`;
      }
      words += text.split(' ').length;
      paragraphs.push(text);
    }
    paragraphs.push('Thank you.');
    const dir = join(folder, 'statements', `${forum.forum.toLowerCase().replace(/\s+/g, '-')}-${session}`);
    mkdirSync(dir, { recursive: true });
    const name = `statement-${String(index).padStart(4, '0')}.md`;
    writeFileSync(join(dir, name), `${frontMatter(index, forum, session, next)}${paragraphs.join('\n\n')}\n`);
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname)
  writeCorpus(process.argv[2], Number(process.argv[3] ?? 1000));
