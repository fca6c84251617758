/** Where the header's search takes a record it found: its page, with the record picked out. */
import type { SearchHit } from "./api";

const enc = encodeURIComponent;

/**
 * The app path of a hit: a task → its task force's WBS with the row highlighted; a task force →
 * its page; an indicator or a 督办单 → its task force's indicators or supervision tab; a person →
 * the battle map filtered to their tasks.
 */
export function searchTarget(hit: SearchHit): string {
  const tf = hit.taskForceId ? `/task-forces/${enc(hit.taskForceId)}` : "/task-forces";
  switch (hit.kind) {
    case "task":
      return `${tf}?tab=tasks&task=${enc(hit.id)}`;
    case "taskForce":
      return `/task-forces/${enc(hit.id)}`;
    case "indicator":
      return `${tf}?tab=indicators`;
    case "supervisionItem":
      return `${tf}?tab=supervision`;
    case "person":
      return `/battle-map?person=${enc(hit.id)}`;
  }
}

/** An option's value: kind and id, unique across groups. */
export const hitValue = (hit: SearchHit) => `${hit.kind}:${hit.id}`;
