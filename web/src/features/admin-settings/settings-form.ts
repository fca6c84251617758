/**
 * Between a settings section and its form: the body a form's values make (blank fields left out, so
 * the organisation's defaults apply), and where each refused value of a section belongs.
 */
import type { Settings } from "../../../../src/shared/api/settings";
import type { ApiErrorDetail } from "../../api/client";

/** A section of the settings, saved on its own by `PUT /settings`. */
export type SectionKey = keyof Settings;

/** A form field's name path inside its section, as antd Form names nested fields. */
export type FieldPath = (string | number)[];

const blank = (v: unknown) => v === undefined || v === null || v === "";

/** `value` without its blank fields (null, undefined, ""), at every depth; empty objects stay. */
export function pruneBlank<T>(value: T): T {
  if (Array.isArray(value)) return value;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!blank(v)) out[k] = pruneBlank(v);
  return out as T;
}

/** A channel of the notifications section as the form holds it. */
interface ChannelValues {
  readonly enabled?: boolean | undefined;
  readonly [field: string]: unknown;
}

/**
 * The body of a section from its form's values. A notification channel left off and empty is left
 * out (the API needs its address once the channel is given).
 */
export function sectionBody(section: SectionKey, values: Record<string, unknown>): Record<string, unknown> {
  const body = pruneBlank(values);
  if (section !== "notifications") return body;
  const out: Record<string, unknown> = {};
  for (const [channel, v] of Object.entries(body)) {
    const c = v as ChannelValues;
    const address = Object.entries(c).some(([k, x]) => k !== "enabled" && !blank(x));
    if (c.enabled || address) out[channel] = { ...c, enabled: !!c.enabled };
  }
  return out;
}

/**
 * The form field a refusal's path names inside `section`: `body.lights.thresholds.redBehindPoints`
 * (the API's) or `lights.thresholds.redBehindPoints` (the same schema in the browser) →
 * `["thresholds", "redBehindPoints"]`; null when it names another section.
 */
export function fieldOfDetail(section: SectionKey, path: string): FieldPath | null {
  const parts = path
    .replace(/^body\.?/, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
  if (parts[0] !== section) return null;
  return parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Refusals grouped by the field they belong to, among `fields` (the form's); the rest unplaced. */
export function placeDetails(
  section: SectionKey,
  details: readonly ApiErrorDetail[],
  fields: readonly FieldPath[],
): { placed: { name: FieldPath; details: ApiErrorDetail[] }[]; unplaced: ApiErrorDetail[] } {
  const key = (p: FieldPath) => p.join(".");
  const known = new Map(fields.map((f) => [key(f), f]));
  const placed = new Map<string, { name: FieldPath; details: ApiErrorDetail[] }>();
  const unplaced: ApiErrorDetail[] = [];
  for (const d of details) {
    const field = fieldOfDetail(section, d.path);
    // A refusal of a whole object (a channel without its address) shows beside its first field.
    const name = field && (known.get(key(field)) ?? fields.find((f) => key(f).startsWith(`${key(field)}.`)));
    if (!name) {
      unplaced.push(d);
      continue;
    }
    const entry = placed.get(key(name)) ?? { name, details: [] };
    entry.details.push(d);
    placed.set(key(name), entry);
  }
  return { placed: [...placed.values()], unplaced };
}

/** The sum of the assessment weights, with the API's defaults for those not set. */
export function weightSum(weights: Partial<Record<"milestones" | "indicators" | "supervision", unknown>>) {
  const value = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) ? v : d);
  return value(weights.milestones, 40) + value(weights.indicators, 40) + value(weights.supervision, 20);
}
