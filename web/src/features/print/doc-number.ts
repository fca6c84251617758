/**
 * Document numbers (文号) as official documents write them: prefix, year in 〔〕, number, 号 —
 * 区督查〔2022〕1号. The number is the record's own (a task force's code, a 督办单's sequence).
 */
export function documentNumber(prefix: string, year: string, code: string): string {
  const digits = /(\d+)\D*$/.exec(code)?.[1];
  const n = digits ? String(Number(digits)) : code;
  return `${prefix}〔${year}〕${n}号`;
}
