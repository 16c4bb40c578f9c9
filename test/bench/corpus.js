// Writes a corpus of realistic statements (about 400 words each, figures and acronyms included) for
// the benchmarks: `node test/bench/corpus.js <folder> <count>`.
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

/** Writes `count` statements under `folder`/statements, in sessions of 50. */
export function writeCorpus(folder, count) {
  const next = random(42);
  for (let index = 0; index < count; index += 1) {
    const paragraphs = [
      'Thank you, Chair.',
      'The Alliance of NGOs on Crime Prevention and Criminal Justice is pleased to take the floor.',
    ];
    let words = 20;
    while (words < 400) {
      const paragraph = [];
      for (let count = 0; count < 3; count += 1)
        paragraph.push(
          next() < 0.15
            ? figures[Math.floor(next() * figures.length)]
            : sentences[Math.floor(next() * sentences.length)],
        );
      const text = paragraph.join(' ');
      words += text.split(' ').length;
      paragraphs.push(next() < 0.1 ? `**${text}**` : text);
    }
    paragraphs.push('Thank you.');
    const session = Math.floor(index / 50);
    const front = `---\ntitle: Statement ${index}\nforum: CCPCJ\nsession: "${30 + session}"\nspeaker: Speaker ${index}\norganization: Alliance of NGOs on Crime Prevention and Criminal Justice\nslot: 6m\n---\n\n`;
    const dir = join(folder, 'statements', `ccpcj-${30 + session}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `statement-${String(index).padStart(4, '0')}.md`), `${front}${paragraphs.join('\n\n')}\n`);
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname)
  writeCorpus(process.argv[2], Number(process.argv[3] ?? 1000));
