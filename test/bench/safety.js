// How fast a hostile front matter is refused: a "billion laughs" block must be an error within 100 ms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { time, report } from './measure.js';

/** Checks one billion-laughs statement and compares with checking one ordinary statement. */
export function benchSafety(folder, bin) {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level += 1) {
    const name = String.fromCharCode(97 + level);
    levels.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + level)}`)
        .join(',')}]`,
    );
  }
  writeFileSync(join(folder, 'laughs.md'), `---\n${levels.join('\n')}\n---\n\nThank you.\n`);
  writeFileSync(
    join(folder, 'plain.md'),
    '---\nforum: CCPCJ\nsession: "1"\nspeaker: A\n---\n\nThank you, Chair. Thank you.\n',
  );
  const plain = time(process.execPath, [bin, 'check', 'plain.md'], { cwd: folder, runs: 5 });
  const laughs = time(process.execPath, [bin, 'check', 'laughs.md'], { cwd: folder, runs: 5 });
  const extra = (laughs.seconds - plain.seconds) * 1000;
  return report(
    'billion laughs front matter, beyond an ordinary file',
    `${Math.max(0, extra).toFixed(0)} ms`,
    '< 100 ms, exit 1',
    extra < 100 && laughs.status === 1,
  );
}
