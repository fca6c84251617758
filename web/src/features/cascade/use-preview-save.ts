/**
 * Hook: the preview-then-save flow of a splitting dialog. 预览 sends the request with `dryRun` and
 * keeps the answer with what it was made from (the shares' versions); 保存 sends the same request
 * for real at those versions. Any change of the dialog's values drops the preview. A refusal is
 * placed beside the field it names; a 409 (a share changed meanwhile) reloads the cascade.
 */
import type { UseMutationResult } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client";
import { detailMessage } from "../../hooks/messages";
import { placeRefusal } from "./split-form";
import { useReloadCascade } from "./use-cascade";

/** Props of {@link usePreviewSave}. */
export interface PreviewSaveProps<Basis, Req, Res> {
  readonly mutation: UseMutationResult<Res, Error, Req>;
  /** The request for `basis` (the values and versions shown), previewed or saved. */
  readonly request: (basis: Basis, dryRun: boolean) => Req;
  readonly onSaved: (result: Res) => void;
}

/** The dialog's preview, its refusals by field, and its actions. */
export function usePreviewSave<Basis, Req, Res extends { readonly saved: boolean }>(
  props: PreviewSaveProps<Basis, Req, Res>,
) {
  const { mutation, request, onSaved } = props;
  const [preview, setPreview] = useState<{ result: Res; basis: Basis } | null>(null);
  const reload = useReloadCascade();
  const error = mutation.error;
  const placed = useMemo(
    () => (error instanceof ApiError ? placeRefusal(error.details, (d) => detailMessage(d)) : null),
    [error],
  );
  const conflict = error instanceof ApiError && error.status === 409;
  return {
    preview: preview?.result ?? null,
    /** Messages beside the dialog's fields (`method`, `shares.2`, `monthly.3` …). */
    fieldErrors: placed?.fields ?? {},
    /** The error to show below the form: a conflict, or one no field holds. */
    shownError: error && (conflict || !placed || placed.unplaced.length > 0) ? error : null,
    pending: mutation.isPending,
    /** Previews the request for `basis`. */
    previewWith: (basis: Basis) => {
      setPreview(null);
      mutation.mutate(request(basis, true), { onSuccess: (result) => setPreview({ result, basis }) });
    },
    /** Saves what the preview showed, at the versions it was made from. */
    save: () => {
      if (!preview) return;
      mutation.mutate(request(preview.basis, false), {
        onSuccess: (result) => onSaved(result),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setPreview(null);
            void reload();
          }
        },
      });
    },
    /** The dialog's values changed: the preview no longer shows them, a refusal no longer applies. */
    changed: () => {
      setPreview(null);
      mutation.reset();
    },
    /** Forgets the preview and any refusal (the dialog closes). */
    reset: () => {
      setPreview(null);
      mutation.reset();
    },
  };
}
