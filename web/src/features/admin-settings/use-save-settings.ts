/** Hook: saves one section of the settings (`PUT /settings` replaces the sections it is sent). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type Settings, settingsUpdate } from "../../../../src/shared/api/settings";
import { api } from "../../api/client";
import { parseOrThrow } from "../../hooks/validate";
import type { SectionKey } from "./settings-form";

/**
 * Saves `body` as the section `section`, checked first with the API's own schema. Settings change
 * lights, dates and scores everywhere: every cached answer is refreshed.
 */
export function useSaveSection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { section: SectionKey; body: unknown }) =>
      api<Settings>("PUT", "/settings", parseOrThrow(settingsUpdate, { [v.section]: v.body })),
    onSuccess: (settings) => {
      qc.setQueryData(["settings"], settings);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "settings" && q.queryKey[0] !== "me" });
    },
  });
}
