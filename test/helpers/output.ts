/** What a command prints, and promises of what it will have printed: for tests of commands that go on (`--watch`). */

/**
 * A stream a command writes to, and promises of what it will have written: each resolves when its
 * text appears, whenever that is (no clock: a busy machine only makes the test slower).
 */
export function output() {
  let text = '';
  const waiting: { text: string; from: number; done: (at: number) => void }[] = [];
  return {
    get text() {
      return text;
    },
    write(chunk: string) {
      text += chunk;
      for (const waiter of [...waiting]) {
        const at = text.indexOf(waiter.text, waiter.from);
        if (at === -1) continue;
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.done(at);
      }
      return true;
    },
    /** Where `wanted` appears at or after `from`, once it has. */
    until(wanted: string, from = 0): Promise<number> {
      const at = text.indexOf(wanted, from);
      return at !== -1 ? Promise.resolve(at) : new Promise((done) => waiting.push({ text: wanted, from, done }));
    },
  };
}
