/** Terminal columns of a string: CJK and other wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Rows as an aligned text table with a header and a rule, wide characters counted double. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k] ?? ""))));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((c, k) => c + " ".repeat(Math.max(0, widths[k]! - displayWidth(c))))
      .join("  ")
      .trimEnd()}\n`;
  return line(head) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
