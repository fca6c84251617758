/** Hooks of the header's search: debounced results and the keyboard shortcut that focuses it. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchSearch } from "./api";

/** The query as sent: at most 100 characters (the API's limit), blank means none. */
export const searchText = (text: string) => [...text.trim()].slice(0, 100).join("");

/** `value`, once it has stayed the same for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Results for what is typed, 200 ms after typing stops; the last results stay while the next load. */
export function useSearchResults(text: string) {
  const q = useDebounced(searchText(text), 200);
  const query = useQuery({
    queryKey: ["search", q],
    queryFn: () => fetchSearch(q),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  return { ...query, q, settling: q !== searchText(text) };
}

/** Whether a key press lands in a field that takes text (where `/` is typed, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Calls `focus` on `/` (outside a text field) and on Ctrl+K or ⌘K anywhere. */
export function useSearchShortcut(focus: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k";
      if (!slash && !ctrlK) return;
      e.preventDefault();
      focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focus]);
}
