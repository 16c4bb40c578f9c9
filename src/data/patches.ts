/**
 * The patches alliance makes to libraries' internals for speed (docs/dependencies.md lists each, with
 * the internal it reaches and the version it was checked against). Each is switched off for the
 * process by naming it in the `ALLIANCE_PATCHES_OFF` environment variable (comma-separated), and says
 * when it took effect, so that a test can build with each one off, compare the bytes, and fail when a
 * library changed under a patch that then silently stopped applying.
 */

/** The switchable patches, by name (the register's first column). */
export const PATCHES = [
  'pdfkit-shared-layouts',
  'fontkit-subset-glyphs',
  'pdfkit-batched-content',
  'pdfkit-line-fragment',
  'docx-reused-parts',
] as const;

/** A switchable patch's name. */
export type PatchName = (typeof PATCHES)[number];

let switchedOff: ReadonlySet<string> | undefined;
const applied = new Set<PatchName>();

/** Whether `name` may be applied in this process (not named in `ALLIANCE_PATCHES_OFF`). */
export function patchOn(name: PatchName): boolean {
  switchedOff ??= new Set((process.env.ALLIANCE_PATCHES_OFF ?? '').split(',').map((entry) => entry.trim()));
  return !switchedOff.has(name);
}

/** Records that `name` took effect: the internal it reaches was there and behaved as expected. */
export function patchApplied(name: PatchName): void {
  applied.add(name);
}

/** The patches that took effect in this process so far. */
export function appliedPatches(): ReadonlySet<PatchName> {
  return applied;
}
