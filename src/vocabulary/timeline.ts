/**
 * What a timeline (时间线) of a task or a 督办单 tells, event by event. The order of the list is
 * the order of events recorded at the same instant (a report that claims completion: the report
 * first, then the claim).
 */
export const TIMELINE_KINDS = [
  /** The task was added to the plan. */
  "created",
  /** A 督办单 was raised (交办). */
  "raised",
  /** Rectification started (开始整改). */
  "started",
  /** Rectification submitted (报结). */
  "submitted",
  /** Sent back (退回) with a reason. */
  "returned",
  /** Signed off (销号). */
  "verified",
  /** Escalated (提级督办). */
  "escalated",
  /** What a 督办单 asks was changed. */
  "edited",
  /** A progress report (进展报告). */
  "reported",
  /** A report of 100 % claimed completion (待确认). */
  "claimed",
  /** Completion confirmed (完成确认). */
  "confirmed",
  /** Claimed completion sent back (退回). */
  "completionReturned",
  /** 延期申请 filed. */
  "extensionRequested",
  "extensionApproved",
  "extensionRejected",
  "extensionWithdrawn",
  /** A 催办, by hand or by the rules. */
  "chased",
  /** A comment (批示). */
  "commented",
  /** An evidence file (佐证材料) attached. */
  "attached",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
