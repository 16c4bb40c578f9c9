/** Opening an address in the user's browser, where there is a screen to open it on. */
import { createRequire } from 'node:module';

// Loaded when a browser is opened: node:child_process costs 5 ms at start-up, which every command would pay.
const load = createRequire(import.meta.url);

/** Why the browser is not opened (no display), or undefined when it can be. */
export function noBrowserReason(
  env: Record<string, string | undefined>,
  platform = process.platform,
): string | undefined {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display';
  return undefined;
}

/** Opens `url` with the system's opener, found on the `PATH` of `env`; failures are quiet (the address is printed anyway). */
export function openBrowser(url: string, env: Record<string, string | undefined>, platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const { spawn } = load('node:child_process') as typeof import('node:child_process');
    const child = spawn(command, args, { stdio: 'ignore', detached: true, env });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the printed address is the way in.
  }
}
