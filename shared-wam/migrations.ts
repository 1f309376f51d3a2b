/**
 * Preset migration: a plugin declares, as a table, how the parameter ids and ranges of its
 * older versions map onto the current ones (plugins/<id>/migrations.ts exports `migrations`).
 * The `pluginVersion` written in a preset selects the steps: every step whose `toVersion` is
 * newer than that version applies, oldest first. A preset without a pluginVersion is taken as
 * current (nothing applies).
 *
 * Steps run on a copy of the raw `params` record before validation, so validation (types,
 * ranges, unknown ids) still has the last word. Nothing in a preset is evaluated: the rescale
 * functions are the plugin's own code, they only ever receive finite numbers, and their result
 * is validated like any other value.
 */

export interface MigrationStep {
  /** the oldest version whose layout this step reads (documentation only) */
  readonly fromVersion: string;
  /** the first version with the new layout: the step applies to presets older than this */
  readonly toVersion: string;
  /** what changed, in words */
  readonly note?: string;
  /** old id -> new id; runs first. An old id whose new id is already present is dropped. */
  readonly rename?: Readonly<Record<string, string>>;
  /** id (after renaming) -> conversion of an old value to the new range or unit */
  readonly rescale?: Readonly<Record<string, (value: number) => number>>;
  /** ids that no longer exist: dropped without being reported as unknown */
  readonly remove?: readonly string[];
}

export interface MigrationResult {
  /** a fresh null-prototype copy of the params record with every applicable step applied */
  params: Record<string, unknown>;
  /** toVersion of each applied step, oldest first */
  applied: string[];
}

const VERSION = /^(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:[-+][0-9A-Za-z.-]{0,30})?$/;

/** true for "1", "1.2", "1.2.3", "1.2.3.4", optionally with a "-beta.1" / "+build" suffix */
export function isVersion(v: string): boolean {
  return VERSION.test(v);
}

/** Compare two dotted versions numerically (missing parts are 0, suffixes ignored): -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) throw new Error(`not a version: ${JSON.stringify(pa ? b : a)}`);
  for (let i = 1; i <= 4; i++) {
    const x = Number(pa[i] ?? 0);
    const y = Number(pb[i] ?? 0);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The steps that apply to a preset written by `pluginVersion`, oldest first. */
export function applicableSteps(steps: readonly MigrationStep[], pluginVersion: string): MigrationStep[] {
  if (!pluginVersion) return [];
  return steps
    .filter((s) => compareVersions(pluginVersion, s.toVersion) < 0)
    .sort((a, b) => compareVersions(a.toVersion, b.toVersion));
}

/**
 * Apply the steps for `pluginVersion` to a raw params record. Input that is not a plain
 * object is returned as is (validation rejects it with a proper message).
 */
export function migrateParams(input: unknown, pluginVersion: string, steps: readonly MigrationStep[]): { params: unknown; applied: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { params: input, applied: [] };
  const todo = applicableSteps(steps, pluginVersion);
  if (!todo.length) return { params: input, applied: [] };
  const src = input as Record<string, unknown>;
  let cur: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(src)) cur[k] = src[k];
  for (const step of todo) cur = applyStep(cur, step);
  return { params: cur, applied: todo.map((s) => s.toVersion) };
}

function applyStep(input: Record<string, unknown>, step: MigrationStep): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  const rename = step.rename ?? {};
  const removed = new Set(step.remove ?? []);
  // ids that keep their name first, so a renamed id never overwrites a present one
  for (const k of Object.keys(input)) {
    if (removed.has(k) || own(rename, k)) continue;
    out[k] = input[k];
  }
  for (const k of Object.keys(input)) {
    if (!own(rename, k) || removed.has(k)) continue;
    const to = rename[k];
    if (!own(out, to)) out[to] = input[k];
  }
  const rescale = step.rescale ?? {};
  for (const id of Object.keys(rescale)) {
    if (!own(out, id)) continue;
    const v = out[id];
    if (typeof v === 'number' && Number.isFinite(v)) out[id] = rescale[id](v);
  }
  return out;
}
