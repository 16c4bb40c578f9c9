// The timing model against a speech synthesizer: every spoken paragraph of the six language fixtures
// and of the example statements, said by espeak-ng (silence trimmed at both ends), against the
// paragraph's estimate (its pauses inside, not the pause after it). A synthesizer speaks at a rate of
// its own, so one scale factor per language is fitted (least squares on the relative error); what is
// left is how well the model follows what takes longer to say. Goal: at most 5% on average, 20% at worst.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './measure.js';

/** espeak-ng's voice for each language. */
const VOICES = { en: 'en', fr: 'fr', es: 'es', ru: 'ru', ar: 'ar', zh: 'cmn' };

/** The seconds of speech in a 16-bit mono WAV file, silence at both ends left out. */
function speechSeconds(path) {
  const bytes = readFileSync(path);
  // The RIFF header's fields: sample rate at 24, the data chunk found by its name.
  const rate = bytes.readUInt32LE(24);
  const data = bytes.indexOf('data', 12, 'latin1') + 8;
  const samples = (bytes.length - data) >> 1;
  const loud = (index) => Math.abs(bytes.readInt16LE(data + index * 2)) > 500;
  let first = 0;
  while (first < samples && !loud(first)) first += 1;
  let last = samples - 1;
  while (last > first && !loud(last)) last -= 1;
  return Math.max(0, last - first) / rate;
}

/** Each spoken paragraph of the statements in `folder` (one language): its text and estimated seconds. */
async function paragraphsOf(root, folder) {
  const { openProject, inspect } = await import(join(root, 'lib/bundle/engine.js'));
  const project = await openProject({ cwd: folder, config: null });
  const out = [];
  for (const name of readdirSync(join(folder, 'statements'))) {
    const view = await inspect(project, join('statements', name));
    for (const paragraph of view.paragraphs)
      out.push({
        language: view.language.split('-')[0],
        text: paragraph.text,
        seconds: paragraph.seconds - after(paragraph, view),
      });
  }
  return out;
}

/** The pause after a paragraph (not said by a synthesizer reading it alone). */
function after(paragraph, view) {
  const last = view.paragraphs.at(-1) === paragraph;
  return last ? 0 : Math.min(paragraph.pauseSeconds, 1.0);
}

/** Fits one factor `k` so that `k × estimate` is closest to the spoken seconds, relatively; the errors left. */
function fit(pairs) {
  let numerator = 0;
  let denominator = 0;
  for (const { estimate, spoken } of pairs) {
    numerator += estimate / spoken;
    denominator += (estimate / spoken) ** 2;
  }
  const k = numerator / denominator;
  const errors = pairs.map(({ estimate, spoken }) => Math.abs(k * estimate - spoken) / spoken);
  return { k, mean: errors.reduce((sum, error) => sum + error, 0) / errors.length, worst: Math.max(...errors) };
}

/** Says every paragraph with espeak-ng and prints the error per language against its goal. */
export async function benchEspeak(work, root) {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('  espeak-ng is not installed here (Debian: espeak-ng): skipped');
    return true;
  }
  const folder = join(work, 'espeak');
  mkdirSync(join(folder, 'statements'), { recursive: true });
  const byLanguage = new Map();
  for (const file of readdirSync(join(root, 'test/fixtures/languages')).filter((name) => name.endsWith('.md'))) {
    const language = file.replace('.md', '');
    const project = join(folder, language);
    mkdirSync(join(project, 'statements'), { recursive: true });
    execFileSync('cp', [join(root, 'test/fixtures/languages', file), join(project, 'statements', file)]);
    if (language === 'en')
      for (const example of [
        'statements/ahc-5/international-cooperation.md',
        'statements/untoc-cop-2024/constructive-dialogue.md',
      ])
        execFileSync('cp', [join(root, example), join(project, 'statements', example.split('/').at(-1))]);
    byLanguage.set(language, await paragraphsOf(root, project));
  }
  let ok = true;
  let index = 0;
  for (const [language, paragraphs] of byLanguage) {
    const pairs = [];
    for (const paragraph of paragraphs) {
      const wav = join(folder, `p${(index += 1)}.wav`);
      execFileSync('espeak-ng', ['-v', VOICES[language], '-w', wav, paragraph.text]);
      pairs.push({ estimate: paragraph.seconds, spoken: speechSeconds(wav) });
    }
    const { k, mean, worst } = fit(pairs.filter((pair) => pair.spoken > 0.5));
    ok =
      report(
        `timing error against espeak-ng, ${language} (${pairs.length} paragraphs, scale ${k.toFixed(2)})`,
        `${(mean * 100).toFixed(1)}% mean, ${(worst * 100).toFixed(0)}% worst`,
        '≤ 5% mean, ≤ 20% worst',
        mean <= 0.05 && worst <= 0.2,
      ) && ok;
  }
  return ok;
}
