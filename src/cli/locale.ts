import { AppError } from "../shared/errors.js";

/** The languages of the CLI's tables and summaries. */
export type Lang = "zh" | "en";

/** `--lang`, else the locale of LC_ALL / LC_MESSAGES / LANG: Chinese for zh*, English otherwise. */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) {
    if (flag !== "zh" && flag !== "en") throw new AppError("VALIDATION", `--lang ${flag}: must be zh or en`);
    return flag;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}
