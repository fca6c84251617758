/**
 * The navigation keys a path selects: `/` only itself; any other key itself and the paths below it
 * (`/task-forces/tf-01` selects `/task-forces`), but not a longer name (`/my-tasks` is not `/my`).
 */
export function selectedNavKeys(keys: readonly string[], pathname: string): string[] {
  return keys.filter((k) => pathname === k || (k !== "/" && pathname.startsWith(`${k}/`)));
}
