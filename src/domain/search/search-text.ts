/**
 * How titles and queries are written into search keys: lower-case letters and digits only, and
 * Chinese characters as pinyin (招商引资 → initials `zsyz`, full `zhaoshangyinzi`). Server-side
 * only, so the web bundle never carries pinyin-pro's dictionary.
 */
import { pinyin } from "pinyin-pro";

/** The pinyin keys one title is found by. */
export interface PinyinKeys {
  /** First letter of each syllable, letters and digits as they are: `梳理2023年` → `sl2023n`. */
  readonly initials: string;
  /** The syllables run together: `zhaoshangyinzi`. */
  readonly pinyin: string;
}

/** The keys one record is found by: its lower-case code and its title's pinyin. */
export interface SearchKeys extends PinyinKeys {
  readonly codeKey: string;
}

const NOT_KEY = /[^a-z0-9]/g;

/**
 * The search keys of a record: `name` marks a person's name, whose surname is read as one
 * (单 shan, 曾 zeng), not as the common word.
 *
 * @example searchKeysOf("01.2", "招商引资") → { codeKey: "01.2", initials: "zsyz", pinyin: "zhaoshangyinzi" }
 */
export function searchKeysOf(code: string, title: string, name = false): SearchKeys {
  return { codeKey: code.toLowerCase(), ...pinyinKeysOf(title, name) };
}

/** A title's initials and full pinyin (see {@link searchKeysOf}). */
export function pinyinKeysOf(title: string, name = false): PinyinKeys {
  const syllables = pinyin(title, {
    toneType: "none",
    type: "array",
    v: true,
    ...(name ? { surname: "head" as const } : {}),
  });
  return {
    initials: syllables
      .map((s) => s.charAt(0))
      .join("")
      .toLowerCase()
      .replace(NOT_KEY, ""),
    pinyin: syllables.join("").toLowerCase().replace(NOT_KEY, ""),
  };
}

/** A query as it is matched: trimmed, lower-case, inner blanks collapsed to one space. */
export const normaliseQuery = (q: string): string => q.trim().toLowerCase().replace(/\s+/g, " ");

/** Characters, not UTF-16 units: `招商` is 2 long. */
export const queryLength = (q: string): number => [...q].length;

/** Whether a query is letters and digits only: a short one is then a prefix of a code or initials. */
export const isKeyQuery = (q: string): boolean => /^[a-z0-9.-]+$/.test(q);
