/** Codes of input problems found by the cascade engine. */
export type CascadeErrorCode =
  /** `n` (the number of children) is not a whole number ≥ 1. */
  | "SPLIT_COUNT"
  /** An array has the wrong length (one value per child, or 12 per year). */
  | "SPLIT_LENGTH"
  /** A value of an array is negative. */
  | "SPLIT_NEGATIVE"
  /** A value (or the target) is NaN or infinite. */
  | "SPLIT_NOT_FINITE"
  /** Every value of an array is zero: there is nothing to be proportional to. */
  | "SPLIT_ZERO"
  /** `decimals` is not a whole number in 0–10. */
  | "SPLIT_DECIMALS"
  /** `year` is not a whole number in 1–9999. */
  | "SPLIT_YEAR"
  /** The indicators' `parentId`s form a cycle. */
  | "CASCADE_CYCLE"
  /** Two indicators share an id. */
  | "CASCADE_DUPLICATE_ID";

/**
 * Bad input to the cascade engine: a stable `code`, a self-contained English message, the input
 * `field` at fault (e.g. `shares.2`) and, for a cycle or a duplicate, the indicator `ids`.
 * Services map it to their own error (kind `invalid`); the engine knows nothing of them.
 */
export class CascadeError extends Error {
  readonly code: CascadeErrorCode;
  readonly field: string | null;
  readonly ids: readonly string[];

  constructor(
    code: CascadeErrorCode,
    message: string,
    where: { readonly field?: string; readonly ids?: readonly string[] } = {},
  ) {
    super(message);
    this.name = "CascadeError";
    this.code = code;
    this.field = where.field ?? null;
    this.ids = where.ids ?? [];
  }
}
